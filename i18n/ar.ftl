# نصوص الواجهة، العربية.
# صيغ الجمع حسب CLDR: zero وone وtwo وfew (3-10) وmany (11-99) وother (100 فما فوق).

skip-to-content = انتقل إلى المحتوى
languages = اللغات
language-chooser = اختر لغتك
site-navigation = مجموعة الأدوات
on-this-page = في هذه الصفحة
home = الرئيسية
fallback-notice = لم تُترجم هذه الصفحة إلى العربية بعد، ولذلك تُعرض بلغتها الأصلية: { $language }.
notes = ملاحظات
previous = السابق
next = التالي
in-this-section = في هذا القسم
page-count = { $count ->
    [zero] لا توجد صفحات
    [one] صفحة واحدة
    [two] صفحتان
    [few] { $count } صفحات
    [many] { $count } صفحة
   *[other] { $count } صفحة
}
resource-count = { $count ->
    [zero] لا توجد موارد
    [one] مورد واحد
    [two] موردان
    [few] { $count } موارد
    [many] { $count } موردًا
   *[other] { $count } مورد
}
displaying = { $total ->
    [zero] لا توجد نتائج
    [one] عرض النتيجة الوحيدة
    [two] عرض النتيجتين { $start } - { $end }
    [few] عرض { $start } - { $end } من أصل { $total } نتائج
    [many] عرض { $start } - { $end } من أصل { $total } نتيجة
   *[other] عرض { $start } - { $end } من أصل { $total } نتيجة
}
not-found-title = الصفحة غير موجودة
not-found-text = الصفحة المطلوبة غير موجودة أو نُقلت إلى مكان آخر. اختر لغة للعودة إلى الصفحة الرئيسية لمجموعة الأدوات.
footer-text = قاعدة معارف منشورة باستخدام Signpost. متاحة مجانًا وخفيفة التحميل.
open-all = افتح جميع الأقسام
