"""The spending norms for receiving foreign guests seeded by migration 0002 (read by the
migration, kept here so that tests and the README can cite them).

Thông tư 71/2018/TT-BTC (Bộ Tài chính, 10/08/2018) sets the most a ministry or province may
spend on receiving foreign guests, by class of guests; a province's People's Council may set
lower norms of its own. Its full text is not in /work/shared/legal/ (only its title and Art. 4
are cited there): the figures below are the banquet norms per guest as recalled when the
norms were seeded, and must be checked against the circular before the office relies on
them. A successor circular is a new row with its dates (``valid_from``), the old row's
``valid_to`` set the day before: no code changes."""

import datetime as dt
from decimal import Decimal

CIRCULAR = {
    "number": "71/2018/TT-BTC", "kind": "circular", "issuer": "Bộ Tài chính",
    "title": "Thông tư quy định chế độ tiếp khách nước ngoài vào làm việc tại Việt Nam, chế độ "
             "chi tổ chức hội nghị, hội thảo quốc tế tại Việt Nam và chế độ tiếp khách trong "
             "nước",
    "issued_on": dt.date(2018, 8, 10), "effective_on": None,
    "note_vi": "Mức chi chiêu đãi tối đa mỗi suất theo hạng khách được nhập khi khởi tạo hệ "
               "thống, chưa đối chiếu với toàn văn thông tư: cần kiểm tra lại trước khi sử "
               "dụng. Hội đồng nhân dân tỉnh có thể quy định mức thấp hơn: thêm định mức của "
               "tỉnh.",
    "note_en": "The most per guest of a banquet by class of guests was entered when the system "
               "was set up, not checked against the circular's full text: check it before "
               "relying on it. The provincial People's Council may set lower norms: add them "
               "as the province's own norms.",
}

# (class of guests, most per guest in VND; None: the actual cost, for the special class)
BANQUET_NORMS = (
    ("special", None),
    ("A", Decimal("1600000")),
    ("B", Decimal("1200000")),
    ("C", Decimal("800000")),
)
