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
    generation: str = "legacy"  # "2025" for a province as it is today
    unit: str | None = None  # the name of the province's body of a reporter or unit leader

    def effective_password(self) -> str:
        """The password to set and print; one value from the environment overrides all."""
        return os.environ.get(PASSWORD_ENV) or self.password


# Today's provinces first: the first printed login is the one a newcomer tries.
TQ_SPECIALIST = DemoLogin(
    "tuyenquang.chuyenvien", "demo-tuyenquang-2026", "Lê Thị Minh Thu", "specialist",
    "Tuyên Quang", "Chuyên viên Sở Ngoại vụ tỉnh Tuyên Quang",
    "Chuyên viên, tỉnh Tuyên Quang (nhập, sửa hồ sơ)",
    "Specialist, Tuyên Quang (enters and edits)", generation="2025",
)
TQ_LEADER = DemoLogin(
    "tuyenquang.lanhdao", "demo-tuyenquang-2026", "Nông Văn Quyết", "leader", "Tuyên Quang",
    "Giám đốc Sở Ngoại vụ tỉnh Tuyên Quang",
    "Lãnh đạo, tỉnh Tuyên Quang (phê duyệt)", "Leader, Tuyên Quang (approves)",
    generation="2025",
)
TN_SPECIALIST = DemoLogin(
    "thainguyen.chuyenvien", "demo-thainguyen-2026", "Hà Thị Lan", "specialist", "Thái Nguyên",
    "Chuyên viên Sở Ngoại vụ tỉnh Thái Nguyên",
    "Chuyên viên, tỉnh Thái Nguyên (nhập, sửa hồ sơ)",
    "Specialist, Thái Nguyên (enters and edits)", generation="2025",
)
TQ_DEPARTMENT_REPORTER = DemoLogin(
    "tuyenquang.sovhttdl", "demo-tuyenquang-2026", "Phạm Thu Trang", "reporter", "Tuyên Quang",
    "Chuyên viên Sở Văn hóa, Thể thao và Du lịch tỉnh Tuyên Quang",
    "Cán bộ báo cáo, Sở Văn hóa, Thể thao và Du lịch", "Reporter, the culture department",
    generation="2025", unit="Sở Văn hóa, Thể thao và Du lịch tỉnh Tuyên Quang",
)
TQ_COMMUNE_REPORTER = DemoLogin(
    "lungcu.baocao", "demo-lungcu-2026", "Sùng Mí Chá", "reporter", "Tuyên Quang",
    "Công chức Văn phòng UBND xã Lũng Cú",
    "Cán bộ báo cáo, xã Lũng Cú", "Reporter, Lũng Cú commune",
    generation="2025", unit="Xã Lũng Cú",
)
TQ_COMMUNE_LEADER = DemoLogin(
    "lungcu.lanhdao", "demo-lungcu-2026", "Vàng Mí Dính", "unit_leader", "Tuyên Quang",
    "Chủ tịch UBND xã Lũng Cú",
    "Lãnh đạo đơn vị, xã Lũng Cú (duyệt báo cáo)", "Unit leader, Lũng Cú commune (approves)",
    generation="2025", unit="Xã Lũng Cú",
)
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

LOGINS = [TQ_SPECIALIST, TQ_LEADER, TN_SPECIALIST, TQ_DEPARTMENT_REPORTER, TQ_COMMUNE_REPORTER,
          TQ_COMMUNE_LEADER, HG_SPECIALIST, HG_LEADER, HG_VIEWER, BK_SPECIALIST,
          MINISTRY_VIEWER, ADMIN]

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
