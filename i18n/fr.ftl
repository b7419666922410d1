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
