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
displaying = Displaying { $start } - { $end } of { $total }
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
   *[implementing-agencies] For implementing agencies
}
audience-guidance = Guidance for you
audience-resources = Resources for you

## Search
search = Search
search-label = Search the toolkit and the library
search-no-js = Search needs JavaScript, which is turned off in your browser. You can still browse every resource by category, audience and language in the
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
