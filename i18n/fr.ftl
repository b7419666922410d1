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
    [implementing-agencies] Pour les organismes de mise en œuvre
   *[other] Public : { $label }
}
audience-guidance = Conseils pour vous
audience-resources = Ressources pour vous

## Recherche
search = Rechercher
search-label = Rechercher dans la boîte à outils et la bibliothèque
search-no-js = La recherche nécessite JavaScript, qui est désactivé dans votre navigateur. Vous pouvez parcourir toutes les ressources par catégorie, public et langue dans la
search-corrected = Résultats pour { $query }
search-old-browser = La recherche nécessite un navigateur plus récent (Chrome 80, Firefox 113, Safari 16.4 ou ultérieur). Vous pouvez toujours parcourir toutes les ressources dans la bibliothèque de ressources.
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

# Links to the page's file where the site's sources are edited (edit_url).
edit-page = Modifier cette page
translate-page = Traduire cette page

## Thème : menu sur téléphone, impression, listes
menu = Menu
breadcrumbs = Fil d’Ariane
close-all = Fermer toutes les sections
filters-toggle = Filtres ({ $count })
updated = Mis à jour le { $date }
library-description = Guides, outils et rapports sur l’intégration de la santé mentale dans les soins de santé généraux, à filtrer par catégorie, public et langue.
search-description = Rechercher dans les conseils de la boîte à outils et dans sa bibliothèque de ressources.
og-locale = fr_FR
list-two = { $a }, { $b }
list-start = { $a }, { $b }
list-middle = { $a }, { $b }
list-end = { $a }, { $b }
language-name = { $code ->
    [en] anglais
    [fr] français
    [es] espagnol
    [ar] arabe
   *[other] { $code }
}
access-labelled = { $label } ({ $language })

# Téléchargements : page à imprimer, copie hors ligne, enregistrement hors ligne.
print-title = La boîte à outils complète
print-hint = Pour garder ou partager la boîte à outils sur papier ou en PDF, utilisez la commande Imprimer de votre navigateur.
resource = Ressource
downloads = Emporter la boîte à outils
print-link = Toute la boîte à outils sur une page, à imprimer ou enregistrer en PDF
offline-link = Copie hors ligne (zip) : décompressez-la et ouvrez index.html, sans réseau
offline-all-link = Copie hors ligne dans toutes les langues (zip)
save-offline = Enregistrer pour lire hors ligne ({ $size } Ko)
saving-offline = Enregistrement…
saved-offline = Enregistré : cette boîte à outils et sa recherche fonctionnent sans réseau sur cet appareil.
save-offline-failed = L’enregistrement hors ligne a échoué. Réessayez avec une meilleure connexion.
