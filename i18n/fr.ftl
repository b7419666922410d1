# Chaînes d'interface, français.
# Formes plurielles CLDR : `one` (0 et 1) et `other`, plus `many` pour les grands nombres ronds.

skip-to-content = Aller au contenu
languages = Langues
language-chooser = Choisissez votre langue
site-navigation = Boîte à outils
on-this-page = Sur cette page
home = Accueil
fallback-notice = Cette page n’est pas encore traduite en français. Elle s’affiche dans sa langue d’origine : { $language }.
notes = Notes
previous = Précédent
next = Suivant
in-this-section = Dans cette rubrique
page-count = { $count ->
    [one] { $count } page
    [many] { $count } de pages
   *[other] { $count } pages
}
resource-count = { $count ->
    [one] { $count } ressource
    [many] { $count } de ressources
   *[other] { $count } ressources
}
displaying = Affichage de { $start } à { $end } sur { $total }
not-found-title = Page introuvable
not-found-text = La page demandée n’existe pas ou a été déplacée. Choisissez une langue pour repartir de l’accueil de la boîte à outils.
footer-text = Une base de connaissances publiée avec Signpost. Libre d’accès, légère à télécharger.
open-all = Ouvrir toutes les sections
contents = Sommaire
download-pdf = Télécharger toute la boîte à outils

## Bibliothèque de ressources
site-links = Site
resource-library = Bibliothèque de ressources
resources = Ressources
filters = Filtrer les ressources
filter-category = Catégorie
filter-audience = Public
filter-language = Langue
filter-component = Composante de la boîte à outils
clear-filters = Effacer tous les filtres
see-all-resources = { $count ->
    [one] Voir la ressource sur sa page
   *[other] Voir les { $count } ressources
}
categories = Catégorie
audiences = Public
topics = Thèmes
components = Composantes de la boîte à outils
access = Accès
access-in = Accéder en { $language }
about-resource = À propos de cette ressource
organisation = Organisation
year = Année
added = Ajoutée à la bibliothèque le
pagination = Pages
page-number = Page { $number }
no-results = Aucune ressource ne correspond à ces filtres.
audience-page-title = { $audience ->
    [donors] Pour les bailleurs de fonds
    [governments] Pour les gouvernements
   *[implementing-agencies] Pour les organismes de mise en œuvre
}
audience-guidance = Conseils pour vous
audience-resources = Ressources pour vous

## Recherche
search = Rechercher
search-label = Rechercher dans la boîte à outils et la bibliothèque
search-no-js = La recherche nécessite JavaScript, qui est désactivé dans votre navigateur. Vous pouvez parcourir toutes les ressources par catégorie, public et langue dans la
search-results = { $count ->
    [one] { $count } résultat
    [many] { $count } de résultats
   *[other] { $count } résultats
}
translation-status = État des traductions
translation-status-intro = Ce qui est traduit dans chaque langue, et ce qui manque ou n’est plus à jour parce que le texte anglais a changé depuis. La commande signpost i18n status donne le même rapport dans un terminal.
status-percent = { $percent } % traduit et à jour
status-current = À jour
status-missing = Manquant
status-outdated = Périmé
status-total = Total
status-kind-page = Pages
status-kind-resource = Ressources
status-kind-string = Textes de l’interface
status-todo = { $count ->
    [one] { $count } élément à traduire ou à mettre à jour
    [many] { $count } d’éléments à traduire ou à mettre à jour
   *[other] { $count } éléments à traduire ou à mettre à jour
}
status-complete = Tout est traduit et à jour.
