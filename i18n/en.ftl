# Interface strings, English (the default language).
# Plural forms follow CLDR: English has `one` and `other`.

skip-to-content = Skip to content
languages = Languages
language-chooser = Choose your language
site-navigation = Toolkit
on-this-page = On this page
home = Home
fallback-notice = This page has not been translated into English yet. It is shown in its original language, { $language }.
notes = Notes
previous = Previous
next = Next
in-this-section = In this section
page-count = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
resource-count = { $count ->
    [one] { $count } resource
   *[other] { $count } resources
}
displaying = Displaying { $start }–{ $end } of { $total }
not-found-title = Page not found
not-found-text = The page you asked for does not exist or has moved. Choose a language to start again from the toolkit's home page.
footer-text = A knowledge base built with Signpost. Free to read, light to download.
open-all = Open all sections
contents = Contents
download-pdf = Download the whole toolkit

## Resource library
site-links = Site
resource-library = Resource library
resources = Resources
filters = Filter resources
filter-category = Category
filter-audience = Audience
filter-language = Language
filter-component = Toolkit component
clear-filters = Clear all filters
see-all-resources = { $count ->
    [one] See the resource on its own page
   *[other] See all { $count } resources
}
categories = Category
audiences = Audience
topics = Topics
components = Toolkit components
access = Access
access-in = Access in { $language }
about-resource = About this resource
organisation = Organisation
year = Year
added = Added to the library
pagination = Pages
page-number = Page { $number }
no-results = No resource matches these filters.
audience-page-title = { $audience ->
    [donors] For donors
    [governments] For governments
    [implementing-agencies] For implementing agencies
   *[other] Audience: { $label }
}
audience-guidance = Guidance for you
audience-resources = Resources for you

## Search
search = Search
search-label = Search the toolkit and the library
search-no-js = Search needs JavaScript, which is turned off in your browser. You can still browse every resource by category, audience and language in the
search-corrected = Showing results for { $query }
search-old-browser = Search needs a newer browser (Chrome 80, Firefox 113, Safari 16.4 or later). You can still browse every resource in the resource library.
search-results = { $count ->
    [one] 1 result
   *[other] { $count } results
}
translation-status = Translation status
translation-status-intro = What is translated in each language, and what is missing or out of date because the English text changed since. Run signpost i18n status for the same report in a terminal.
status-percent = { $percent } % translated and up to date
status-current = Up to date
status-missing = Missing
status-outdated = Outdated
status-total = Total
status-kind-page = Pages
status-kind-resource = Resources
status-kind-string = Interface strings
status-todo = { $count ->
    [one] { $count } item to translate or update
   *[other] { $count } items to translate or update
}
status-complete = Everything is translated and up to date.

# Links to the page's file where the site's sources are edited (edit_url).
edit-page = Edit this page
translate-page = Translate this page

## Theme: phone menu, print, lists
menu = Menu
breadcrumbs = Breadcrumbs
close-all = Close all sections
filters-toggle = Filters ({ $count })
updated = Updated { $date }
library-description = Guides, tools and reports on integrating mental health into general healthcare, to filter by category, audience and language.
search-description = Search the toolkit's guidance and its resource library.
# Open Graph locale of this language (language_TERRITORY).
og-locale = en_US
# Lists of labels, after CLDR's list patterns (unit-short style): two items,
# then the start, middle and end of a longer list.
list-two = { $a }, { $b }
list-start = { $a }, { $b }
list-middle = { $a }, { $b }
list-end = { $a }, { $b }
# A language's name in this language.
language-name = { $code ->
    [en] English
    [fr] French
    [es] Spanish
    [ar] Arabic
   *[other] { $code }
}
# An access link with its own label: say which language the document is in.
access-labelled = { $label } ({ $language })

# Downloads: the print page, the offline copy, saving for offline reading.
print-title = The whole toolkit
print-hint = To keep or share the toolkit on paper or as a PDF, use your browser’s Print command.
resource = Resource
downloads = Take the toolkit with you
print-link = The whole toolkit on one page, to print or save as PDF
offline-link = Offline copy (zip): unzip it and open index.html, no network needed
offline-all-link = Offline copy in all languages (zip)
save-offline = Save for offline reading ({ $size } KB)
saving-offline = Saving…
saved-offline = Saved: this toolkit and its search work without the network on this device.
save-offline-failed = Could not save for offline reading. Try again when the connection is better.
