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
displaying = Mostrando { $start } - { $end } de { $total }
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
   *[implementing-agencies] Para organismos de ejecución
}
audience-guidance = Orientaciones para usted
audience-resources = Recursos para usted

## Búsqueda
search = Buscar
search-label = Buscar en la caja de herramientas y la biblioteca
search-no-js = La búsqueda necesita JavaScript, que está desactivado en su navegador. Puede consultar todos los recursos por categoría, público e idioma en la
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
