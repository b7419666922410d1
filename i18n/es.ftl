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
