# Cadenas de la interfaz, español.
# Formas plurales CLDR: `one`, `many` (grandes números redondos) y `other`.

skip-to-content = Ir al contenido
languages = Idiomas
language-chooser = Elija su idioma
site-navigation = Caja de herramientas
on-this-page = En esta página
home = Inicio
fallback-notice = Esta página aún no está traducida al español. Se muestra en su idioma original: { $language }.
notes = Notas
previous = Anterior
next = Siguiente
in-this-section = En esta sección
page-count = { $count ->
    [one] { $count } página
    [many] { $count } de páginas
   *[other] { $count } páginas
}
resource-count = { $count ->
    [one] { $count } recurso
    [many] { $count } de recursos
   *[other] { $count } recursos
}
displaying = Mostrando { $start }–{ $end } de { $total }
not-found-title = Página no encontrada
not-found-text = La página solicitada no existe o se ha trasladado. Elija un idioma para volver al inicio de la caja de herramientas.
footer-text = Una base de conocimientos publicada con Signpost. De libre acceso y ligera de descargar.
open-all = Abrir todas las secciones
contents = Índice
download-pdf = Descargar toda la caja de herramientas

## Biblioteca de recursos
site-links = Sitio
resource-library = Biblioteca de recursos
resources = Recursos
filters = Filtrar recursos
filter-category = Categoría
filter-audience = Público
filter-language = Idioma
filter-component = Componente de la caja de herramientas
clear-filters = Borrar todos los filtros
see-all-resources = { $count ->
    [one] Ver el recurso en su página
   *[other] Ver los { $count } recursos
}
categories = Categoría
audiences = Público
topics = Temas
components = Componentes de la caja de herramientas
access = Acceso
access-in = Acceder en { $language }
about-resource = Acerca de este recurso
organisation = Organización
year = Año
added = Añadido a la biblioteca el
pagination = Páginas
page-number = Página { $number }
no-results = Ningún recurso coincide con estos filtros.
audience-page-title = { $audience ->
    [donors] Para donantes
    [governments] Para gobiernos
    [implementing-agencies] Para organismos de ejecución
   *[other] Público: { $label }
}
audience-guidance = Orientaciones para usted
audience-resources = Recursos para usted

## Búsqueda
search = Buscar
search-label = Buscar en la caja de herramientas y la biblioteca
search-no-js = La búsqueda necesita JavaScript, que está desactivado en su navegador. Puede consultar todos los recursos por categoría, público e idioma en la
search-corrected = Mostrando resultados para { $query }
search-old-browser = La búsqueda necesita un navegador más reciente (Chrome 80, Firefox 113, Safari 16.4 o posterior). Puede consultar igualmente todos los recursos en la biblioteca de recursos.
search-results = { $count ->
    [one] 1 resultado
    [many] { $count } de resultados
   *[other] { $count } resultados
}
translation-status = Estado de las traducciones
translation-status-intro = Qué está traducido en cada idioma y qué falta o está desactualizado porque el texto en inglés cambió después. El comando signpost i18n status muestra el mismo informe en un terminal.
status-percent = { $percent } % traducido y al día
status-current = Al día
status-missing = Falta
status-outdated = Desactualizado
status-total = Total
status-kind-page = Páginas
status-kind-resource = Recursos
status-kind-string = Textos de la interfaz
status-todo = { $count ->
    [one] { $count } elemento por traducir o actualizar
    [many] { $count } de elementos por traducir o actualizar
   *[other] { $count } elementos por traducir o actualizar
}
status-complete = Todo está traducido y al día.

# Links to the page's file where the site's sources are edited (edit_url).
edit-page = Editar esta página
translate-page = Traducir esta página

## Tema: menú en el teléfono, impresión, listas
menu = Menú
breadcrumbs = Ruta de navegación
close-all = Cerrar todas las secciones
filters-toggle = Filtros ({ $count })
updated = Actualizado el { $date }
library-description = Guías, herramientas e informes sobre la integración de la salud mental en la atención general de salud, para filtrar por categoría, público e idioma.
search-description = Buscar en las orientaciones de la caja de herramientas y en su biblioteca de recursos.
og-locale = es_ES
list-two = { $a }, { $b }
list-start = { $a }, { $b }
list-middle = { $a }, { $b }
list-end = { $a }, { $b }
language-name = { $code ->
    [en] inglés
    [fr] francés
    [es] español
    [ar] árabe
   *[other] { $code }
}
access-labelled = { $label } ({ $language })

# Descargas: página para imprimir, copia sin conexión, guardar para leer sin conexión.
print-title = La caja de herramientas completa
print-hint = Para conservar o compartir la caja de herramientas en papel o en PDF, use la orden Imprimir de su navegador.
resource = Recurso
downloads = Llévese la caja de herramientas
print-link = Toda la caja de herramientas en una página, para imprimir o guardar en PDF
offline-link = Copia sin conexión (zip): descomprímala y abra index.html, sin red
offline-all-link = Copia sin conexión en todos los idiomas (zip)
save-offline = Guardar para leer sin conexión ({ $size } KB)
saving-offline = Guardando…
saved-offline = Guardado: esta caja de herramientas y su búsqueda funcionan sin red en este dispositivo.
save-offline-failed = No se pudo guardar para leer sin conexión. Inténtelo de nuevo con mejor conexión.
