"""The demo's report documents: Hà Giang's report of 2023, issued by today's office of
Tuyên Quang (which took Hà Giang over on 1 July 2025), so it carries number 01 of the
issuer's book for the year of issue; and Tuyên Quang's report of the third quarter of 2026,
a draft whose written parts (II–IV) the specialist has filled in, waiting to be submitted.

The figures part of each is generated from the report when the demo is loaded; only the
specialist's text is written here, one paragraph a line."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoDocument:
    province: str
    generation: str  # "legacy" (Hà Giang) or "2025" (today's Tuyên Quang)
    period: str
    written: dict[str, str]
    comment: str
    steps: tuple[str, ...] = ()  # taken in order: submit (the specialist), then the leader's
    step_comments: dict[str, str] = field(default_factory=dict)


HA_GIANG_2023 = DemoDocument(
    "Hà Giang", "legacy", "2023",
    {
        "strengths": (
            "Công tác đối ngoại năm 2023 được triển khai toàn diện trên cả ba trụ cột đối "
            "ngoại Đảng, ngoại giao Nhà nước và đối ngoại nhân dân, bám sát Chương trình "
            "công tác đối ngoại của Tỉnh ủy.\n"
            "Quan hệ hữu nghị với các địa phương giáp biên của Trung Quốc được duy trì ổn "
            "định; cơ chế hội đàm, gặp gỡ định kỳ được khôi phục sau dịch bệnh."
        ),
        "weaknesses": (
            "Kết quả vận động viện trợ phi chính phủ nước ngoài chưa tương xứng với tiềm "
            "năng; một số chương trình, dự án giải ngân chậm.\n"
            "Công tác thông tin đối ngoại có lúc chưa kịp thời, hình thức chưa phong phú."
        ),
        "causes": (
            "Nguồn lực tài chính và đội ngũ cán bộ làm công tác đối ngoại ở cấp huyện, xã "
            "còn mỏng; trình độ ngoại ngữ của một bộ phận cán bộ còn hạn chế."
        ),
        "tasks": (
            "Tiếp tục triển khai hiệu quả các thỏa thuận hợp tác đã ký với các địa phương "
            "nước ngoài; tăng cường ngoại giao kinh tế, xúc tiến đầu tư, thương mại, du lịch.\n"
            "Đẩy mạnh vận động nguồn viện trợ phi chính phủ nước ngoài cho các huyện nghèo "
            "biên giới; giữ vững quan hệ hữu nghị, hợp tác với các địa phương giáp biên."
        ),
        "proposals": (
            "Đề nghị Bộ Ngoại giao tiếp tục hỗ trợ tỉnh trong công tác đào tạo, bồi dưỡng "
            "nghiệp vụ đối ngoại cho cán bộ cấp huyện, xã."
        ),
    },
    "Viết phần đánh giá, phương hướng và kiến nghị",
    steps=("submit", "approve", "issue"),
)

TUYEN_QUANG_2026_Q3 = DemoDocument(
    "Tuyên Quang", "2025", "2026-Q3",
    {
        "strengths": (
            "Quý III năm 2026, công tác đối ngoại của tỉnh được triển khai chủ động, đúng kế "
            "hoạch; việc kiện toàn tổ chức sau hợp nhất tỉnh Hà Giang và tỉnh Tuyên Quang "
            "hoàn thành, các thỏa thuận hợp tác quốc tế của hai tỉnh được kế thừa đầy đủ.\n"
            "Công tác quản lý đoàn ra, đoàn vào chặt chẽ, đúng quy định."
        ),
        "weaknesses": (
            "Một số sở, ngành, địa phương gửi báo cáo chậm so với thời hạn; số liệu về viện "
            "trợ phi chính phủ nước ngoài chưa được cập nhật đầy đủ."
        ),
        "causes": (
            "Khối lượng công việc sau hợp nhất lớn; một số cơ sở dữ liệu của hai tỉnh trước "
            "đây chưa được thống nhất."
        ),
        "tasks": (
            "Chuẩn bị chu đáo các hoạt động đối ngoại quý IV năm 2026; rà soát, đề xuất gia "
            "hạn các thỏa thuận hợp tác quốc tế sắp hết hiệu lực.\n"
            "Hoàn thiện cơ sở dữ liệu công tác đối ngoại của tỉnh sau hợp nhất."
        ),
        "proposals": (
            "Đề nghị Bộ Ngoại giao hướng dẫn việc kế thừa các thỏa thuận quốc tế do các tỉnh "
            "trước hợp nhất ký kết."
        ),
    },
    "Viết phần đánh giá, phương hướng và kiến nghị",
)

DOCUMENTS = [HA_GIANG_2023, TUYEN_QUANG_2026_Q3]
