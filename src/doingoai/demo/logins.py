"""The demo users: who they are and how they log in."""

import os
from dataclasses import dataclass

PASSWORD_ENV = "DOINGOAI_DEMO_PASSWORD"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    full_name: str
    role: str  # a Membership role, or "admin" for the Django superuser
    province: str | None  # legacy province name
    title: str
    label_vi: str
    label_en: str

    def effective_password(self) -> str:
        """The password to set and print; one value from the environment overrides all."""
        return os.environ.get(PASSWORD_ENV) or self.password


HG_SPECIALIST = DemoLogin(
    "hagiang.chuyenvien", "demo-hagiang-2024", "Nguyễn Thị Thu Hà", "specialist", "Hà Giang",
    "Chuyên viên Sở Ngoại vụ tỉnh Hà Giang",
    "Chuyên viên, tỉnh Hà Giang (nhập, sửa hồ sơ)", "Specialist, Hà Giang (enters and edits)",
)
HG_LEADER = DemoLogin(
    "hagiang.lanhdao", "demo-hagiang-2024", "Hoàng Văn Thắng", "leader", "Hà Giang",
    "Phó Giám đốc Sở Ngoại vụ tỉnh Hà Giang",
    "Lãnh đạo, tỉnh Hà Giang (phê duyệt)", "Leader, Hà Giang (approves)",
)
HG_VIEWER = DemoLogin(
    "hagiang.xem", "demo-hagiang-2024", "Trần Minh Đức", "viewer", "Hà Giang",
    "Chuyên viên Văn phòng UBND tỉnh Hà Giang",
    "Người xem, tỉnh Hà Giang (chỉ đọc)", "Viewer, Hà Giang (reads only)",
)
BK_SPECIALIST = DemoLogin(
    "backan.chuyenvien", "demo-backan-2024", "Ma Thị Hương", "specialist", "Bắc Kạn",
    "Chuyên viên Sở Ngoại vụ tỉnh Bắc Kạn",
    "Chuyên viên, tỉnh Bắc Kạn (nhập, sửa hồ sơ)", "Specialist, Bắc Kạn (enters and edits)",
)
MINISTRY_VIEWER = DemoLogin(
    "bo.ngoaigiao", "demo-bongoaigiao-2024", "Phạm Quốc Bảo", "ministry", None,
    "Chuyên viên Cục Ngoại vụ, Bộ Ngoại giao",
    "Cấp Bộ, xem mọi tỉnh (chỉ đọc)", "Ministry level, reads every province",
)
ADMIN = DemoLogin(
    "admin", "demo-admin-2024", "Quản trị hệ thống", "admin", None, "",
    "Quản trị Django (/admin/)", "Django admin (/admin/)",
)

LOGINS = [HG_SPECIALIST, HG_LEADER, HG_VIEWER, BK_SPECIALIST, MINISTRY_VIEWER, ADMIN]

# Who is recorded as having entered each province's demo records.
AUTHOR_OF = {"Hà Giang": HG_SPECIALIST, "Bắc Kạn": BK_SPECIALIST}


def logins_block(logins=LOGINS) -> str:
    """The block printed at the end of ``doingoai demo`` and by ``make run``."""
    width_label = max(len(login.label_vi) for login in logins) + 2
    width_en = max(len(login.label_en) for login in logins) + 2
    width_user = max(len(login.username) for login in logins) + 2
    lines = ["", "=" * 78, "Tài khoản dùng thử (dữ liệu minh họa)",
             f"  {'Vai trò':<{width_label}}{'Tên đăng nhập':<{width_user}}Mật khẩu"]
    for login in logins:
        lines.append(f"  {login.label_vi:<{width_label}}{login.username:<{width_user}}"
                     f"{login.effective_password()}")
    lines += ["", "Demo logins (illustrative data)",
              f"  {'Role':<{width_en}}{'Username':<{width_user}}Password"]
    for login in logins:
        lines.append(f"  {login.label_en:<{width_en}}{login.username:<{width_user}}"
                     f"{login.effective_password()}")
    lines += [
        "",
        "Tài khoản đã có từ trước được giữ nguyên: nếu mật khẩu đã đổi, mật khẩu trên không còn"
        " đúng.",
        "Existing accounts are left as they are: a password changed since no longer matches"
        " the one above.",
        "=" * 78,
    ]
    return "\n".join(lines)
