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
    [two] عرض النتيجتين { $start }–{ $end }
    [few] عرض { $start }–{ $end } من أصل { $total } نتائج
    [many] عرض { $start }–{ $end } من أصل { $total } نتيجة
   *[other] عرض { $start }–{ $end } من أصل { $total } نتيجة
}
not-found-title = الصفحة غير موجودة
not-found-text = الصفحة المطلوبة غير موجودة أو نُقلت إلى مكان آخر. اختر لغة للعودة إلى الصفحة الرئيسية لمجموعة الأدوات.
footer-text = قاعدة معارف منشورة باستخدام Signpost. متاحة مجانًا وخفيفة التحميل.
open-all = افتح جميع الأقسام
contents = المحتويات
download-pdf = تنزيل مجموعة الأدوات كاملة

## مكتبة الموارد
site-links = الموقع
resource-library = مكتبة الموارد
resources = الموارد
filters = تصفية الموارد
filter-category = الفئة
filter-audience = الجمهور
filter-language = اللغة
filter-component = مكوّن مجموعة الأدوات
clear-filters = مسح جميع عوامل التصفية
see-all-resources = { $count ->
    [zero] لا توجد موارد
    [one] عرض المورد في صفحته
    [two] عرض الموردين
    [few] عرض الموارد الـ{ $count }
    [many] عرض جميع الموارد ({ $count } موردًا)
   *[other] عرض جميع الموارد ({ $count } مورد)
}
categories = الفئة
audiences = الجمهور
topics = المواضيع
components = مكونات مجموعة الأدوات
access = الوصول
access-in = الاطلاع باللغة { $language }
about-resource = عن هذا المورد
organisation = الجهة
year = السنة
added = تاريخ الإضافة إلى المكتبة
pagination = الصفحات
page-number = الصفحة { $number }
no-results = لا توجد موارد تطابق عوامل التصفية هذه.
audience-page-title = { $audience ->
    [donors] للجهات المانحة
    [governments] للحكومات
    [implementing-agencies] للجهات المنفذة
   *[other] الفئة المستهدفة: { $label }
}
audience-guidance = إرشادات لك
audience-resources = موارد لك

## البحث
search = بحث
search-label = ابحث في مجموعة الأدوات والمكتبة
search-no-js = يتطلب البحث تفعيل JavaScript، وهو معطّل في متصفحك. يمكنك مع ذلك تصفح جميع الموارد حسب الفئة والجمهور واللغة في
search-corrected = عرض نتائج { $query }
search-old-browser = يتطلب البحث متصفحاً أحدث (Chrome 80 أو Firefox 113 أو Safari 16.4 أو إصدار لاحق). يمكنك مع ذلك تصفح جميع الموارد في مكتبة الموارد.
search-results = { $count ->
    [zero] لا توجد نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجة
   *[other] { $count } نتيجة
}
translation-status = حالة الترجمة
translation-status-intro = ما تُرجم في كل لغة، وما ينقص أو لم يعد محدّثًا لأن النص الإنجليزي تغيّر بعد الترجمة. يعرض الأمر signpost i18n status التقرير نفسه في الطرفية.
status-percent = { $percent }٪ مترجم ومحدّث
status-current = محدّث
status-missing = ناقص
status-outdated = قديم
status-total = المجموع
status-kind-page = الصفحات
status-kind-resource = الموارد
status-kind-string = نصوص الواجهة
status-todo = { $count ->
    [zero] لا شيء للترجمة أو التحديث
    [one] عنصر واحد للترجمة أو التحديث
    [two] عنصران للترجمة أو التحديث
    [few] { $count } عناصر للترجمة أو التحديث
    [many] { $count } عنصرًا للترجمة أو التحديث
   *[other] { $count } عنصر للترجمة أو التحديث
}
status-complete = كل شيء مترجم ومحدّث.

# Links to the page's file where the site's sources are edited (edit_url).
edit-page = تعديل هذه الصفحة
translate-page = ترجمة هذه الصفحة

## السمة: قائمة الهاتف، الطباعة، القوائم
menu = القائمة
breadcrumbs = مسار التنقل
close-all = أغلق جميع الأقسام
filters-toggle = عوامل التصفية ({ $count })
updated = آخر تحديث: { $date }
library-description = أدلة وأدوات وتقارير حول دمج الصحة النفسية في الرعاية الصحية العامة، يمكن تصفيتها حسب الفئة والجمهور واللغة.
search-description = ابحث في إرشادات مجموعة الأدوات وفي مكتبة مواردها.
og-locale = ar_AR
# الفاصلة العربية «،» بين عناصر القائمة.
list-two = { $a }، { $b }
list-start = { $a }، { $b }
list-middle = { $a }، { $b }
list-end = { $a }، { $b }
language-name = { $code ->
    [en] الإنجليزية
    [fr] الفرنسية
    [es] الإسبانية
    [ar] العربية
   *[other] { $code }
}
access-labelled = { $label } ({ $language })

# التنزيلات: صفحة الطباعة، والنسخة غير المتصلة، والحفظ للقراءة دون اتصال.
print-title = مجموعة الأدوات كاملة
print-hint = لحفظ مجموعة الأدوات أو مشاركتها ورقيًا أو بصيغة PDF، استخدم أمر الطباعة في متصفحك.
resource = المورد
downloads = خذ مجموعة الأدوات معك
print-link = مجموعة الأدوات كاملة في صفحة واحدة، للطباعة أو الحفظ بصيغة PDF
offline-link = نسخة للاستخدام دون اتصال (zip): فكّ ضغطها وافتح index.html، دون حاجة إلى الشبكة
offline-all-link = نسخة دون اتصال بجميع اللغات (zip)
save-offline = احفظ للقراءة دون اتصال ({ $size } كيلوبايت)
saving-offline = جارٍ الحفظ…
saved-offline = تم الحفظ: تعمل مجموعة الأدوات هذه والبحث فيها دون شبكة على هذا الجهاز.
save-offline-failed = تعذّر الحفظ للقراءة دون اتصال. أعد المحاولة عندما يتحسن الاتصال.
