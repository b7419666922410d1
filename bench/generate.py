#!/usr/bin/env python3
"""Generate a synthetic multilingual site for the build benchmark.

    python3 bench/generate.py --pages N --out DIR               # Signpost site
    python3 bench/generate.py --pages N --out DIR --hugo        # Hugo site
    python3 bench/generate.py --pages N --out DIR --hugo-out H  # both at once
    python3 bench/generate.py --pages N --out DIR --hugo-out H --zola-out Z  # and Zola's

N pages per language (en, fr, es, ar), in sections of 100:
content/<lang>/sNNN/_index.md and content/<lang>/sNNN/pNNNNN.md, plus each
language's home page content/<lang>/_index.md. Every page exists in every
language, at the same relative path, with the same structure (headings and
their ids, lists, table, links, footnotes); only the words differ.

Each page has about 1,000 words of Markdown: `##` headings (three of them
with fixed ids: {#why}, {#how}, {#key-considerations}), `###` headings,
bullet and numbered lists, sometimes a table, bold and emphasis, 3-6 links
to other pages (relative `.md` paths for Signpost, some with an anchor that
exists; absolute URLs such as /fr/s003/p00345/#how in the Hugo copy) and
1-2 footnotes.

With --resources R (Signpost site only), also content/catalogue/: the bundled
vocabulary (components pointing to six generated pages), R synthetic
resources r000001... in resources.yaml and translations/{fr,es,ar}.yaml with
a summary for about 80% of them, for the library benchmark (library.sh).

Python 3 standard library only; deterministic (fixed seed, --seed to change).
The Signpost site gets signpost.yaml and content/ only: the runner copies
themes/ and i18n/. The Hugo site gets hugo.toml, content/, i18n/ and
layouts/; the runner copies the theme's static files into static/. The
Zola site (--zola-out) gets zola.toml, content/ (Zola's one tree with
`page.fr.md` beside `page.md`), templates/ and the same static/.
"""

import argparse
import bisect
import json
import os
import random
import re
import sys

LANGS = ["en", "fr", "es", "ar"]
SECTION_SIZE = 100
FIXED_ANCHORS = ["why", "how", "key-considerations"]

# ---------------------------------------------------------------------------
# Vocabulary. Sentences are: [opener] subject verb object [complement].
# Subjects are plural, verbs agree with them; everything is stored with a
# lowercase first letter and capitalised at the start of a sentence.
# `topics` and `settings` are parallel across languages (they make titles).
# ---------------------------------------------------------------------------

V = {}

V["en"] = dict(
    name="English",
    site_title="Mental Health Integration Toolkit",
    subjects=[
        "community health workers", "primary care nurses", "general practitioners",
        "district health teams", "clinical supervisors", "programme managers",
        "midwives", "facility managers", "trained volunteers", "Ministry of Health staff",
        "mental health focal points", "humanitarian partners", "local health authorities",
        "peer support workers", "social workers", "pharmacists", "trainers",
        "service user groups", "monitoring officers", "referral coordinators",
    ],
    verbs=[
        "identify", "review", "strengthen", "document", "discuss", "plan", "support",
        "assess", "monitor", "organise", "adapt", "update", "share", "prioritise",
        "follow up on", "agree on", "improve", "protect", "explain", "record",
    ],
    objects=[
        "referral pathways for people with depression",
        "the supply of essential psychotropic medicines",
        "follow-up visits for people with psychosis",
        "confidential records of consultations",
        "the list of priority conditions",
        "supervision schedules for newly trained staff",
        "the role of each member of the team",
        "community awareness sessions",
        "the needs of caregivers and families",
        "screening for harmful alcohol use",
        "the quality of first-line psychological support",
        "indicators on the number of consultations",
        "feedback from service users",
        "the care plan agreed with each person",
        "procedures for emergencies and suicide risk",
        "the budget for training and supervision",
        "links with community organisations",
        "waiting times at the health centre",
        "the privacy of every consultation",
        "the stock of epilepsy medication",
    ],
    complements=[
        "in every health centre", "during the first six months",
        "with support from the district team", "before the end of the programme",
        "at each supervision visit", "in line with national guidelines",
        "in close coordination with local partners", "using simple and agreed tools",
        "together with people with lived experience", "when resources allow",
        "in humanitarian and stable settings alike", "as part of routine primary care",
        "at least once a month", "without adding to the workload of staff",
        "in the language people speak at home", "across all participating facilities",
    ],
    openers=[
        "In most settings,", "After the initial training,", "Where possible,",
        "From the start,", "In practice,", "Over time,", "In humanitarian crises,",
        "Before scaling up,", "At the district level,", "As a minimum,",
        "In many programmes,", "Whenever a new facility joins,",
    ],
    connectors=["and", "while", "because", "so"],
    topics=[
        "Referral pathways", "Essential medicines", "Supportive supervision",
        "Community engagement", "Caregiver support", "Confidential records",
        "Suicide prevention", "Care for people with psychosis", "Depression in primary care",
        "Epilepsy care", "Harmful alcohol use", "Psychological first aid",
        "Training of health workers", "Service user feedback", "Monitoring indicators",
        "Financing and handover", "Coordination with partners",
        "Child and adolescent mental health", "Emergency procedures", "Quality of care",
    ],
    settings=[
        "health centres", "district hospitals", "refugee camps", "rural clinics",
        "urban primary care", "mobile teams", "community programmes",
        "maternal health services", "schools", "humanitarian settings",
        "national programmes", "small facilities",
    ],
    title_fmt="{topic} in {setting}",
    section_fmt="{topic}: guidance area {n}",
    home_title="Toolkit for the Integration of Mental Health into General Healthcare",
    h_why="Why is this needed?",
    h_how="How is it done?",
    h_key="Key considerations",
    h_do="Do",
    h_dont="Do not",
    h_overview="Overview",
    h_sections="Guidance areas",
    headings=[
        "Minimum elements", "Comprehensive elements", "Working with communities",
        "Training and supervision", "Medicines and supplies", "Records and information",
        "Roles and responsibilities", "Common challenges", "Examples from the field",
        "Planning the next steps", "Involving people with lived experience",
        "Protecting privacy",
    ],
    subheadings=["An example", "Checklist", "A note for managers", "Questions to ask"],
    see_also=[
        "See [{t}]({d}) for more detail.",
        "The page [{t}]({d}) describes a related approach.",
        "This builds on [{t}]({d}).",
        "Read [{t}]({d}) before you start.",
    ],
    table_head=["Activity", "Who", "When"],
    notes=[
        "Adapted from the mhGAP Intervention Guide, version 2.0.",
        "Based on the IASC Guidelines on Mental Health and Psychosocial Support in Emergency Settings.",
        "National figures are published in the WHO Mental Health Atlas.",
        "Figures reported by participating facilities during the first year.",
        "Recommended by the national mental health strategy.",
    ],
)

V["fr"] = dict(
    name="Français",
    site_title="Boîte à outils pour l’intégration de la santé mentale",
    subjects=[
        "les agents de santé communautaires", "les infirmières des soins primaires",
        "les médecins généralistes", "les équipes sanitaires de district",
        "les superviseurs cliniques", "les responsables de programme", "les sages-femmes",
        "les gestionnaires des établissements", "les bénévoles formés",
        "les agents du ministère de la Santé", "les référents en santé mentale",
        "les partenaires humanitaires", "les autorités sanitaires locales",
        "les pairs aidants", "les travailleurs sociaux", "les pharmaciens", "les formateurs",
        "les associations d’usagers", "les chargés du suivi",
        "les coordinateurs de l’orientation",
    ],
    verbs=[
        "identifient", "examinent", "renforcent", "documentent", "discutent", "planifient",
        "soutiennent", "évaluent", "suivent", "organisent", "adaptent", "mettent à jour",
        "partagent", "hiérarchisent", "améliorent", "protègent", "expliquent",
        "enregistrent", "préparent", "vérifient",
    ],
    objects=[
        "les parcours d’orientation des personnes souffrant de dépression",
        "l’approvisionnement en médicaments psychotropes essentiels",
        "les visites de suivi des personnes atteintes de psychose",
        "les dossiers confidentiels des consultations",
        "la liste des affections prioritaires",
        "le calendrier de supervision du personnel nouvellement formé",
        "le rôle de chaque membre de l’équipe",
        "les séances de sensibilisation communautaire",
        "les besoins des aidants et des familles",
        "le dépistage de la consommation nocive d’alcool",
        "la qualité du soutien psychologique de première ligne",
        "les indicateurs sur le nombre de consultations",
        "les retours des usagers des services",
        "le plan de soins convenu avec chaque personne",
        "les procédures d’urgence et de prévention du suicide",
        "le budget de la formation et de la supervision",
        "les liens avec les organisations communautaires",
        "les délais d’attente au centre de santé",
        "la confidentialité de chaque consultation",
        "le stock de médicaments contre l’épilepsie",
    ],
    complements=[
        "dans chaque centre de santé", "pendant les six premiers mois",
        "avec l’appui de l’équipe de district", "avant la fin du programme",
        "à chaque visite de supervision", "conformément aux directives nationales",
        "en étroite coordination avec les partenaires locaux",
        "à l’aide d’outils simples et partagés",
        "avec des personnes ayant une expérience vécue",
        "lorsque les ressources le permettent",
        "dans les contextes humanitaires comme dans les contextes stables",
        "dans le cadre des soins primaires courants", "au moins une fois par mois",
        "sans alourdir la charge de travail du personnel",
        "dans la langue parlée à la maison", "dans tous les établissements participants",
    ],
    openers=[
        "Dans la plupart des contextes,", "Après la formation initiale,",
        "Dans la mesure du possible,", "Dès le départ,", "En pratique,", "Avec le temps,",
        "Lors des crises humanitaires,", "Avant l’extension,", "Au niveau du district,",
        "Au minimum,", "Dans de nombreux programmes,",
        "Chaque fois qu’un nouvel établissement rejoint le programme,",
    ],
    connectors=["et", "tandis que", "parce que", "donc"],
    topics=[
        "Parcours d’orientation", "Médicaments essentiels", "Supervision formative",
        "Participation communautaire", "Soutien aux aidants", "Dossiers confidentiels",
        "Prévention du suicide", "Soins aux personnes atteintes de psychose",
        "La dépression en soins primaires", "Prise en charge de l’épilepsie",
        "Consommation nocive d’alcool", "Premiers secours psychologiques",
        "Formation des agents de santé", "Retours des usagers", "Indicateurs de suivi",
        "Financement et transfert", "Coordination avec les partenaires",
        "Santé mentale des enfants et des adolescents", "Procédures d’urgence",
        "Qualité des soins",
    ],
    settings=[
        "les centres de santé", "les hôpitaux de district", "les camps de réfugiés",
        "les dispensaires ruraux", "les soins primaires urbains", "les équipes mobiles",
        "les programmes communautaires", "les services de santé maternelle", "les écoles",
        "les contextes humanitaires", "les programmes nationaux",
        "les petits établissements",
    ],
    title_fmt="{topic} dans {setting}",
    section_fmt="{topic} : domaine {n}",
    home_title="Boîte à outils pour l’intégration de la santé mentale dans les soins de santé généraux",
    h_why="Pourquoi est-ce nécessaire ?",
    h_how="Comment procéder ?",
    h_key="Points essentiels",
    h_do="À faire",
    h_dont="À éviter",
    h_overview="Vue d’ensemble",
    h_sections="Domaines d’orientation",
    headings=[
        "Éléments minimaux", "Éléments complets", "Travailler avec les communautés",
        "Formation et supervision", "Médicaments et fournitures", "Dossiers et information",
        "Rôles et responsabilités", "Difficultés fréquentes", "Exemples de terrain",
        "Préparer les prochaines étapes",
        "Associer les personnes ayant une expérience vécue", "Protéger la confidentialité",
    ],
    subheadings=["Un exemple", "Liste de contrôle", "Note pour les responsables",
                 "Questions à poser"],
    see_also=[
        "Voir [{t}]({d}) pour plus de détails.",
        "La page [{t}]({d}) décrit une approche proche.",
        "Cette étape s’appuie sur [{t}]({d}).",
        "Lisez [{t}]({d}) avant de commencer.",
    ],
    table_head=["Activité", "Qui", "Quand"],
    notes=[
        "Adapté du Guide d’intervention mhGAP, version 2.0.",
        "D’après les directives du CPI sur la santé mentale et le soutien psychosocial dans les situations d’urgence.",
        "Les chiffres nationaux sont publiés dans l’Atlas de la santé mentale de l’OMS.",
        "Chiffres communiqués par les établissements participants pendant la première année.",
        "Recommandé par la stratégie nationale de santé mentale.",
    ],
)

V["es"] = dict(
    name="Español",
    site_title="Caja de herramientas para la integración de la salud mental",
    subjects=[
        "los trabajadores comunitarios de salud", "las enfermeras de atención primaria",
        "los médicos generales", "los equipos de salud del distrito",
        "los supervisores clínicos", "los responsables del programa", "las parteras",
        "los directores de los centros", "los voluntarios capacitados",
        "los funcionarios del Ministerio de Salud", "los referentes de salud mental",
        "los socios humanitarios", "las autoridades sanitarias locales",
        "los promotores de apoyo entre pares", "los trabajadores sociales",
        "los farmacéuticos", "los formadores", "las asociaciones de usuarios",
        "los encargados del seguimiento", "los coordinadores de derivación",
    ],
    verbs=[
        "identifican", "revisan", "fortalecen", "documentan", "discuten", "planifican",
        "apoyan", "evalúan", "supervisan", "organizan", "adaptan", "actualizan",
        "comparten", "priorizan", "mejoran", "protegen", "explican", "registran",
        "preparan", "verifican",
    ],
    objects=[
        "las rutas de derivación para personas con depresión",
        "el suministro de medicamentos psicotrópicos esenciales",
        "las visitas de seguimiento de personas con psicosis",
        "los registros confidenciales de las consultas",
        "la lista de condiciones prioritarias",
        "el calendario de supervisión del personal recién capacitado",
        "el papel de cada miembro del equipo",
        "las sesiones de sensibilización comunitaria",
        "las necesidades de los cuidadores y las familias",
        "la detección del consumo nocivo de alcohol",
        "la calidad de los primeros auxilios psicológicos",
        "los indicadores sobre el número de consultas",
        "la opinión de los usuarios de los servicios",
        "el plan de atención acordado con cada persona",
        "los procedimientos de emergencia y de prevención del suicidio",
        "el presupuesto de formación y supervisión",
        "los vínculos con las organizaciones comunitarias",
        "los tiempos de espera en el centro de salud",
        "la privacidad de cada consulta",
        "las existencias de medicamentos para la epilepsia",
    ],
    complements=[
        "en cada centro de salud", "durante los primeros seis meses",
        "con el apoyo del equipo del distrito", "antes del final del programa",
        "en cada visita de supervisión", "de acuerdo con las directrices nacionales",
        "en estrecha coordinación con los socios locales",
        "con herramientas sencillas y acordadas",
        "junto con personas con experiencia vivida", "cuando los recursos lo permiten",
        "tanto en contextos humanitarios como estables",
        "como parte de la atención primaria habitual", "al menos una vez al mes",
        "sin aumentar la carga de trabajo del personal",
        "en el idioma que se habla en casa", "en todos los establecimientos participantes",
    ],
    openers=[
        "En la mayoría de los contextos,", "Después de la formación inicial,",
        "Siempre que sea posible,", "Desde el principio,", "En la práctica,",
        "Con el tiempo,", "En las crisis humanitarias,", "Antes de ampliar el programa,",
        "A nivel de distrito,", "Como mínimo,", "En muchos programas,",
        "Cada vez que se incorpora un nuevo centro,",
    ],
    connectors=["y", "mientras", "porque", "así que"],
    topics=[
        "Rutas de derivación", "Medicamentos esenciales", "Supervisión de apoyo",
        "Participación comunitaria", "Apoyo a los cuidadores", "Registros confidenciales",
        "Prevención del suicidio", "Atención a personas con psicosis",
        "La depresión en la atención primaria", "Atención de la epilepsia",
        "Consumo nocivo de alcohol", "Primeros auxilios psicológicos",
        "Formación del personal de salud", "Opinión de los usuarios",
        "Indicadores de seguimiento", "Financiación y traspaso",
        "Coordinación con los socios", "Salud mental infantil y adolescente",
        "Procedimientos de emergencia", "Calidad de la atención",
    ],
    settings=[
        "los centros de salud", "los hospitales de distrito",
        "los campamentos de refugiados", "las clínicas rurales",
        "la atención primaria urbana", "los equipos móviles", "los programas comunitarios",
        "los servicios de salud materna", "las escuelas", "los contextos humanitarios",
        "los programas nacionales", "los establecimientos pequeños",
    ],
    title_fmt="{topic} en {setting}",
    section_fmt="{topic}: área {n}",
    home_title="Caja de herramientas para la integración de la salud mental en la atención general",
    h_why="¿Por qué es necesario?",
    h_how="¿Cómo se hace?",
    h_key="Consideraciones clave",
    h_do="Qué hacer",
    h_dont="Qué evitar",
    h_overview="Panorama general",
    h_sections="Áreas de orientación",
    headings=[
        "Elementos mínimos", "Elementos integrales", "Trabajar con las comunidades",
        "Formación y supervisión", "Medicamentos y suministros", "Registros e información",
        "Funciones y responsabilidades", "Dificultades frecuentes", "Ejemplos del terreno",
        "Planificar los próximos pasos",
        "Participación de personas con experiencia vivida", "Proteger la privacidad",
    ],
    subheadings=["Un ejemplo", "Lista de verificación", "Nota para los responsables",
                 "Preguntas que conviene hacer"],
    see_also=[
        "Consulte [{t}]({d}) para más detalles.",
        "La página [{t}]({d}) describe un enfoque similar.",
        "Esto se basa en [{t}]({d}).",
        "Lea [{t}]({d}) antes de empezar.",
    ],
    table_head=["Actividad", "Quién", "Cuándo"],
    notes=[
        "Adaptado de la Guía de intervención mhGAP, versión 2.0.",
        "Basado en las directrices del IASC sobre salud mental y apoyo psicosocial en situaciones de emergencia.",
        "Las cifras nacionales se publican en el Atlas de salud mental de la OMS.",
        "Cifras comunicadas por los establecimientos participantes durante el primer año.",
        "Recomendado por la estrategia nacional de salud mental.",
    ],
)

V["ar"] = dict(
    name="العربية",
    site_title="مجموعة أدوات دمج الصحة النفسية",
    subjects=[
        "العاملون الصحيون المجتمعيون", "ممرضو الرعاية الأولية", "الأطباء العامون",
        "أعضاء فرق الصحة في المنطقة", "المشرفون السريريون", "مديرو البرامج",
        "مديرو المرافق الصحية", "المتطوعون المدرَّبون", "موظفو وزارة الصحة",
        "منسقو الصحة النفسية", "الشركاء في العمل الإنساني", "مسؤولو الصحة المحليون",
        "داعمو الأقران", "الأخصائيون الاجتماعيون", "الصيادلة", "المدربون",
        "ممثلو مجموعات المستخدمين", "مسؤولو المتابعة", "منسقو الإحالة",
        "الأطباء النفسيون الزائرون",
    ],
    verbs=[
        "يحددون", "يراجعون", "يعززون", "يوثّقون", "يناقشون", "يخططون", "يدعمون",
        "يقيّمون", "يتابعون", "ينظمون", "يكيّفون", "يحدّثون", "يتشاركون", "يرتّبون",
        "يحسّنون", "يحمون", "يشرحون", "يسجّلون", "يُعدّون", "يفحصون",
    ],
    objects=[
        "مسارات الإحالة للأشخاص المصابين بالاكتئاب",
        "إمدادات الأدوية النفسية الأساسية",
        "زيارات المتابعة للأشخاص المصابين بالذهان",
        "السجلات السرية للاستشارات",
        "قائمة الحالات ذات الأولوية",
        "جدول الإشراف على الموظفين المدرَّبين حديثاً",
        "دور كل عضو في الفريق",
        "جلسات التوعية المجتمعية",
        "احتياجات مقدمي الرعاية والأسر",
        "الكشف عن تعاطي الكحول الضار",
        "جودة الدعم النفسي الأولي",
        "مؤشرات عدد الاستشارات",
        "ملاحظات مستخدمي الخدمات",
        "خطة الرعاية المتفق عليها مع كل شخص",
        "إجراءات الطوارئ والوقاية من الانتحار",
        "ميزانية التدريب والإشراف",
        "الروابط مع المنظمات المجتمعية",
        "أوقات الانتظار في المركز الصحي",
        "خصوصية كل استشارة",
        "مخزون أدوية الصرع",
    ],
    complements=[
        "في كل مركز صحي", "خلال الأشهر الستة الأولى", "بدعم من فريق المنطقة",
        "قبل نهاية البرنامج", "في كل زيارة إشرافية", "وفقاً للمبادئ التوجيهية الوطنية",
        "بالتنسيق الوثيق مع الشركاء المحليين", "باستخدام أدوات بسيطة ومتفق عليها",
        "بالتعاون مع أشخاص ذوي تجربة معاشة", "عندما تسمح الموارد بذلك",
        "في السياقات الإنسانية والمستقرة على حد سواء", "كجزء من الرعاية الأولية الروتينية",
        "مرة واحدة في الشهر على الأقل", "دون زيادة عبء العمل على الموظفين",
        "باللغة التي يتحدث بها الناس في المنزل", "في جميع المرافق المشاركة",
    ],
    openers=[
        "في معظم السياقات،", "بعد التدريب الأولي،", "حيثما أمكن،", "منذ البداية،",
        "في الممارسة العملية،", "مع مرور الوقت،", "في الأزمات الإنسانية،", "قبل التوسع،",
        "على مستوى المنطقة،", "كحد أدنى،", "في كثير من البرامج،",
        "كلما انضم مرفق جديد،",
    ],
    connectors=["و", "بينما", "في حين", "ولذلك"],
    topics=[
        "مسارات الإحالة", "الأدوية الأساسية", "الإشراف الداعم", "المشاركة المجتمعية",
        "دعم مقدمي الرعاية", "السجلات السرية", "الوقاية من الانتحار",
        "رعاية الأشخاص المصابين بالذهان", "الاكتئاب في الرعاية الأولية",
        "رعاية مرضى الصرع", "تعاطي الكحول الضار", "الإسعافات الأولية النفسية",
        "تدريب العاملين الصحيين", "ملاحظات مستخدمي الخدمات", "مؤشرات المتابعة",
        "التمويل والتسليم", "التنسيق مع الشركاء", "الصحة النفسية للأطفال والمراهقين",
        "إجراءات الطوارئ", "جودة الرعاية",
    ],
    settings=[
        "المراكز الصحية", "مستشفيات المناطق", "مخيمات اللاجئين", "العيادات الريفية",
        "الرعاية الأولية في المدن", "الفرق المتنقلة", "البرامج المجتمعية",
        "خدمات صحة الأم", "المدارس", "السياقات الإنسانية", "البرامج الوطنية",
        "المرافق الصغيرة",
    ],
    title_fmt="{topic} في {setting}",
    section_fmt="{topic}: المجال {n}",
    home_title="مجموعة أدوات دمج الصحة النفسية في الرعاية الصحية العامة",
    h_why="لماذا هذا ضروري؟",
    h_how="كيف يتم ذلك؟",
    h_key="اعتبارات أساسية",
    h_do="ما يجب فعله",
    h_dont="ما يجب تجنبه",
    h_overview="نظرة عامة",
    h_sections="مجالات الإرشاد",
    headings=[
        "العناصر الدنيا", "العناصر الشاملة", "العمل مع المجتمعات", "التدريب والإشراف",
        "الأدوية والإمدادات", "السجلات والمعلومات", "الأدوار والمسؤوليات",
        "التحديات الشائعة", "أمثلة من الميدان", "التخطيط للخطوات التالية",
        "إشراك أصحاب التجربة المعاشة", "حماية الخصوصية",
    ],
    subheadings=["مثال", "قائمة مراجعة", "ملاحظة للمديرين", "أسئلة ينبغي طرحها"],
    see_also=[
        "انظر [{t}]({d}) لمزيد من التفاصيل.",
        "تصف صفحة [{t}]({d}) نهجاً مشابهاً.",
        "يستند هذا إلى [{t}]({d}).",
        "اقرأ [{t}]({d}) قبل أن تبدأ.",
    ],
    table_head=["النشاط", "المسؤول", "التوقيت"],
    notes=[
        "مقتبس من دليل تدخلات برنامج سد الفجوة في الصحة النفسية، الإصدار 2.0.",
        "استناداً إلى المبادئ التوجيهية للجنة الدائمة المشتركة بين الوكالات بشأن الصحة النفسية والدعم النفسي الاجتماعي في حالات الطوارئ.",
        "تُنشر الأرقام الوطنية في أطلس الصحة النفسية لمنظمة الصحة العالمية.",
        "أرقام أبلغت عنها المرافق المشاركة خلال السنة الأولى.",
        "موصى به في الاستراتيجية الوطنية للصحة النفسية.",
    ],
)

for _code, _v in V.items():
    for _key in ("topics", "settings"):
        assert len(_v[_key]) == len(V["en"][_key]), (_code, _key)

# Interface strings for the Hugo templates (Signpost uses i18n/*.ftl).
HUGO_I18N = {
    "en": dict(skip="Skip to content", languages="Languages", nav="Toolkit",
               notes="Notes", inSection="In this section",
               footer="A knowledge base built with Signpost. Free to read, light to download.",
               plural=dict(one="{{ .Count }} page", other="{{ .Count }} pages")),
    "fr": dict(skip="Aller au contenu", languages="Langues", nav="Boîte à outils",
               notes="Notes", inSection="Dans cette rubrique",
               footer="Une base de connaissances construite avec Signpost. Libre à lire, légère à télécharger.",
               plural=dict(one="{{ .Count }} page", many="{{ .Count }} pages",
                           other="{{ .Count }} pages")),
    "es": dict(skip="Ir al contenido", languages="Idiomas", nav="Caja de herramientas",
               notes="Notas", inSection="En esta sección",
               footer="Una base de conocimientos creada con Signpost. Libre para leer, ligera para descargar.",
               plural=dict(one="{{ .Count }} página", many="{{ .Count }} páginas",
                           other="{{ .Count }} páginas")),
    "ar": dict(skip="انتقل إلى المحتوى", languages="اللغات", nav="مجموعة الأدوات",
               notes="ملاحظات", inSection="في هذا القسم",
               footer="قاعدة معارف مبنية باستخدام Signpost. مجانية القراءة وخفيفة التنزيل.",
               plural=dict(zero="لا توجد صفحات", one="صفحة واحدة", two="صفحتان",
                           few="{{ .Count }} صفحات", many="{{ .Count }} صفحة",
                           other="{{ .Count }} صفحة")),
}


# ---------------------------------------------------------------------------
# Page identities
# ---------------------------------------------------------------------------

def sec_of(i):
    return i // SECTION_SIZE


def page_rel(i):
    """Path of page i inside a language folder, without `.md`."""
    return "s%03d/p%05d" % (sec_of(i), i)


def title_parts(i):
    """Topic and setting indexes of page i: the same in every language."""
    return (i * 7 + i // 13) % 20, (i * 5 + i // 20) % 12


def page_title(i, lang):
    v = V[lang]
    t, s = title_parts(i)
    return v["title_fmt"].format(topic=v["topics"][t], setting=v["settings"][s])


def section_title(s, lang):
    v = V[lang]
    return v["section_fmt"].format(topic=v["topics"][s % 20], n=s + 1)


# Links are written as tokens, then turned into Signpost relative paths or
# Hugo URLs: \x01kind:index:anchor\x02 (kind p = page, s = section).
LINK_RE = re.compile("\x01([ps]):(\\d+):([a-z-]*)\x02")


def signpost_dest(from_dir):
    """Relative `.md` path from a file in folder `from_dir` ('' = language root)."""
    def dest(m):
        kind, n, anchor = m.group(1), int(m.group(2)), m.group(3)
        if kind == "p":
            sec, target = "s%03d" % sec_of(n), "p%05d.md" % n
        else:
            sec, target = "s%03d" % n, "_index.md"
        if from_dir == "":
            path = "%s/%s" % (sec, target)
        elif from_dir == sec:
            path = target
        else:
            path = "../%s/%s" % (sec, target)
        return path + ("#" + anchor if anchor else "")
    return dest


def hugo_dest(lang):
    def dest(m):
        kind, n, anchor = m.group(1), int(m.group(2)), m.group(3)
        if kind == "p":
            url = "/%s/%s/" % (lang, page_rel(n))
        else:
            url = "/%s/s%03d/" % (lang, n)
        return url + ("#" + anchor if anchor else "")
    return dest


def zola_file(rel, lang):
    """Zola keeps every language in one tree: `s000/p00001.fr.md` beside
    `s000/p00001.md` (the default language)."""
    return rel if lang == "en" else rel[:-3] + "." + lang + ".md"


def zola_dest(lang):
    """Zola's internal links: `@/` + the file in the content tree, which
    Zola checks (anchors included) and turns into the page's URL."""
    def dest(m):
        kind, n, anchor = m.group(1), int(m.group(2)), m.group(3)
        rel = page_rel(n) + ".md" if kind == "p" else "s%03d/_index.md" % n
        return "@/" + zola_file(rel, lang) + ("#" + anchor if anchor else "")
    return dest


# ---------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------

# The long tail (--corpus longtail): per language, LONGTAIL_TYPES distinct
# word types (about 20% numbers, 30% name-like words with a capital, 50%
# rare lowercase words made of the language's syllables), drawn with Zipf's
# law (weight 1/rank) and added to sentences, so that a site's text has
# hundreds of thousands of distinct words as real text with names, places,
# figures and rare terms does, instead of the few hundred of the default
# corpus. None: the default corpus.
LONGTAIL = None
LONGTAIL_TYPES = 200_000
LONGTAIL_SYLLABLES = {
    "en": ["ka", "ro", "mi", "ten", "bar", "lo", "vi", "son", "da", "gre", "wel", "thor",
           "ni", "ash", "ford", "ley", "mar", "que", "ston", "bel", "ham", "rid", "ge", "ox"],
    "fr": ["ba", "ché", "lou", "mont", "vil", "ier", "gné", "ras", "beau", "pré", "roc", "sau",
           "ten", "vé", "lac", "oux", "dra", "fon", "gi", "mé", "nou", "ral", "tré", "court"],
    "es": ["ba", "rro", "gui", "llo", "ña", "mez", "ría", "tor", "ca", "dal", "ven", "sol",
           "qui", "jo", "ran", "ce", "ño", "mi", "tu", "lle", "bo", "gal", "zar", "des"],
    "ar": ["با", "رو", "مي", "تن", "كا", "لو", "ني", "سا", "دا", "غر", "وي", "ثو",
           "حا", "فر", "قل", "زي", "شم", "جب", "طه", "عل", "نو", "صد", "خا", "هي"],
}


def longtail_types(lang, seed):
    """LONGTAIL_TYPES distinct words of `lang`, in the (shuffled) order of
    their Zipf rank. Words are built from a number in base len(syllables),
    so they are distinct by construction."""
    syl = LONGTAIL_SYLLABLES[lang]
    b = len(syl)

    def spell(k, parts):
        out = []
        for _ in range(parts):
            out.append(syl[k % b])
            k //= b
        return "".join(out)

    words = []
    for k in range(LONGTAIL_TYPES):
        kind = k % 10
        if kind < 2:  # numbers: counts, years, codes
            words.append(str(1000 + k))
        elif kind < 5:  # names: 4 syllables, capitalised (Arabic has no case)
            words.append(cap(spell(k, 4)))
        else:  # rare words: 5 syllables, lowercase
            words.append(spell(k * 7 + 3, 5))
    words = list(dict.fromkeys(words))
    random.Random(seed * 13 + LANGS.index(lang)).shuffle(words)
    return words


class LongTail:
    """Zipf-distributed draws from each language's long-tail vocabulary."""

    def __init__(self, seed):
        self.types = {lang: longtail_types(lang, seed) for lang in LANGS}
        n = min(len(t) for t in self.types.values())
        total, cum = 0.0, []
        for rank in range(1, n + 1):
            total += 1.0 / rank
            cum.append(total)
        self.cum, self.total = cum, total

    def words(self, lang, rng, k):
        types, cum, total = self.types[lang], self.cum, self.total
        return [types[bisect.bisect_left(cum, rng.random() * total)] for _ in range(k)]


def cap(s):
    return s[:1].upper() + s[1:]


class Writer:
    """Text in one language, from a language-specific random stream."""

    def __init__(self, lang, rng):
        self.lang = lang
        self.v = V[lang]
        self.rng = rng

    def clause(self, emphasis=True):
        v, r = self.v, self.rng
        obj = r.choice(v["objects"])
        if emphasis:
            x = r.random()
            if x < 0.07:
                obj = "**%s**" % obj
            elif x < 0.11:
                obj = "*%s*" % obj
        parts = [r.choice(v["subjects"]), r.choice(v["verbs"]), obj]
        if r.random() < 0.7:
            parts.append(r.choice(v["complements"]))
        return " ".join(parts)

    def sentence(self, emphasis=True):
        v, r = self.v, self.rng
        text = self.clause(emphasis)
        if r.random() < 0.3:
            text = r.choice(v["openers"]) + " " + text
        if r.random() < 0.2:
            sep = "، " if self.lang == "ar" else ", "
            text += sep + r.choice(v["connectors"]) + " " + self.clause(emphasis)
        if LONGTAIL is not None:
            # 1-6 long-tail words (names, numbers, rare words) in a phrase
            # after the clause: about a tenth of the text's words.
            sep = "، " if self.lang == "ar" else ", "
            text += sep + " ".join(LONGTAIL.words(self.lang, r, r.randint(1, 6)))
        return cap(text) + "."

    def paragraph(self, n):
        return " ".join(self.sentence() for _ in range(n))

    def short_item(self):
        """A list item: a clause, sometimes with a bold lead."""
        r = self.rng
        if r.random() < 0.3:
            return "**%s**: %s." % (cap(r.choice(self.v["objects"])), self.clause(False))
        return cap(self.clause()) + "."

    def see_also(self, title, token):
        # Markdown link text: brackets in titles would break it; there are none.
        return self.rng.choice(self.v["see_also"]).format(t=title, d=token)

    def table_row(self):
        r, v = self.rng, self.v
        return "| %s | %s | %s |" % (cap(r.choice(v["objects"])), cap(r.choice(v["subjects"])),
                                     r.choice(v["complements"]))


# ---------------------------------------------------------------------------
# Page plans: the structure, shared by all languages
# ---------------------------------------------------------------------------

def link_token(kind, n, anchor=""):
    return "\x01%s:%d:%s\x02" % (kind, n, anchor)


def plan_page(i, n_pages, seed):
    """Blocks of page i, identical in every language.

    Blocks: ("p", sentences, [link...], [footnote...]), ("ol", items),
    ("ul", items), ("table", rows), ("h2", kind, arg), ("h3", kind, arg),
    ("notes", [(name, note index)...]).
    """
    r = random.Random(seed * 1_000_003 + i)
    blocks = []
    n_other = r.choice([2, 2, 3])
    others = r.sample(range(len(V["en"]["headings"])), n_other)
    with_table = r.random() < 0.3
    table_at = r.randrange(n_other)

    blocks += [("p", r.randint(2, 4), [], []), ("p", r.randint(2, 4), [], [])]
    blocks += [("h2", "why", None), ("p", r.randint(3, 5), [], []),
               ("p", r.randint(2, 4), [], []), ("p", r.randint(2, 3), [], [])]
    blocks += [("h2", "how", None), ("p", r.randint(2, 4), [], []),
               ("ol", r.randint(4, 6)), ("p", r.randint(3, 5), [], [])]
    if r.random() < 0.5:
        blocks += [("h3", "sub", r.randrange(4)), ("p", r.randint(2, 4), [], [])]
    for k, h in enumerate(others):
        blocks += [("h2", "other", h), ("p", r.randint(2, 4), [], [])]
        if with_table and k == table_at:
            blocks += [("table", r.randint(3, 5)), ("p", r.randint(2, 3), [], [])]
        else:
            blocks += [("ul", r.randint(3, 5)), ("p", r.randint(2, 3), [], [])]
    blocks += [("h2", "key", None), ("p", r.randint(2, 3), [], []),
               ("h3", "do", None), ("ul", 3), ("h3", "dont", None), ("ul", 3)]

    paragraphs = [b for b in blocks if b[0] == "p"]
    # 3-6 links to other pages, in distinct paragraphs.
    for b in r.sample(paragraphs, r.randint(3, 6)):
        x = r.random()
        if x < 0.1:
            token = link_token("s", r.randrange((n_pages - 1) // SECTION_SIZE + 1))
        else:
            if x < 0.4:  # a page of the same section
                lo = sec_of(i) * SECTION_SIZE
                hi = min(lo + SECTION_SIZE, n_pages)
            else:
                lo, hi = 0, n_pages
            j = r.randrange(lo, hi)
            if j == i:
                j = lo + (j - lo + 1) % (hi - lo)
            anchor = r.choice(FIXED_ANCHORS) if r.random() < 0.35 else ""
            token = link_token("p", j, anchor)
        b[2].append(token)
    # 1-2 footnotes, referenced from distinct paragraphs.
    notes = []
    for k, b in enumerate(r.sample(paragraphs, r.randint(1, 2))):
        name = str(k + 1) if r.random() < 0.5 else "source-%d" % (k + 1)
        b[3].append(name)
        notes.append((name, r.randrange(5)))
    blocks.append(("notes", notes))
    return blocks


def link_title(token, lang):
    m = LINK_RE.fullmatch(token)
    kind, n = m.group(1), int(m.group(2))
    return page_title(n, lang) if kind == "p" else section_title(n, lang)


def render_blocks(blocks, lang, w):
    v = w.v
    out = []
    for b in blocks:
        kind = b[0]
        if kind == "p":
            text = w.paragraph(b[1])
            for name in b[3]:
                text = text[:-1] + "[^%s]" % name + text[-1:]  # before the final stop
            for token in b[2]:
                text += " " + w.see_also(link_title(token, lang), token)
            out.append(text)
        elif kind == "h2":
            if b[1] == "why":
                out.append("## %s {#why}" % v["h_why"])
            elif b[1] == "how":
                out.append("## %s {#how}" % v["h_how"])
            elif b[1] == "key":
                out.append("## %s {#key-considerations}" % v["h_key"])
            elif b[1] == "overview":
                out.append("## %s {#overview}" % v["h_overview"])
            elif b[1] == "sections":
                out.append("## %s {#sections}" % v["h_sections"])
            else:
                out.append("## " + v["headings"][b[2]])
        elif kind == "h3":
            if b[1] == "do":
                out.append("### " + v["h_do"])
            elif b[1] == "dont":
                out.append("### " + v["h_dont"])
            else:
                out.append("### " + v["subheadings"][b[2]])
        elif kind == "ol":
            out.append("\n".join("%d. %s" % (k + 1, w.short_item()) for k in range(b[1])))
        elif kind == "ul":
            out.append("\n".join("- " + w.short_item() for _ in range(b[1])))
        elif kind == "table":
            head = v["table_head"]
            rows = ["| %s | %s | %s |" % tuple(head), "| --- | --- | --- |"]
            rows += [w.table_row() for _ in range(b[1])]
            out.append("\n".join(rows))
        elif kind == "notes":
            for name, k in b[1]:
                out.append("[^%s]: %s" % (name, v["notes"][k]))
    return "\n\n".join(out) + "\n"


def section_blocks(s, n_pages, seed):
    """A section index: a short text and a few links to its own pages."""
    r = random.Random(seed * 7_000_003 + s)
    lo = s * SECTION_SIZE
    hi = min(lo + SECTION_SIZE, n_pages)
    blocks = [("p", r.randint(3, 4), [], []), ("h2", "overview", None),
              ("p", r.randint(3, 5), [], [])]
    for k in r.sample(range(lo, hi), min(2, hi - lo)):
        blocks[2][2].append(link_token("p", k, r.choice(["", "how"])))
    return blocks


def home_blocks(n_pages, seed):
    r = random.Random(seed * 9_000_011)
    n_sections = (n_pages - 1) // SECTION_SIZE + 1
    blocks = [("p", 4, [], []), ("h2", "sections", None), ("p", 4, [], [])]
    for s in range(min(5, n_sections)):
        blocks[2][2].append(link_token("s", s))
    blocks += [("p", 3, [], [])]
    for k in r.sample(range(n_pages), min(3, n_pages)):
        blocks[3][2].append(link_token("p", k, "why"))
    return blocks


# ---------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------

def q(s):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(s, ensure_ascii=False)


def front(title, summary, order, kind, section=False):
    """Front matter for `kind` (signpost, hugo, zola). Zola calls the summary
    `description` and sorts a section's pages only when asked to."""
    lines = ["---", "title: " + q(title),
             ("description: " if kind == "zola" else "summary: ") + q(summary)]
    if order is not None:
        lines.append(("order: %d" if kind == "signpost" else "weight: %d") % order)
    if kind == "zola" and section:
        lines.append("sort_by: weight")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def signpost_config(out):
    lines = [
        "# Synthetic benchmark site, written by bench/generate.py.",
        "title: " + q(V["en"]["site_title"]),
        "description: " + q("A synthetic multilingual knowledge base for the build benchmark."),
        "base_url: https://example.org/",
        "default_language: en",
        "languages:",
    ]
    for lang in LANGS:
        lines.append("  - code: " + lang)
        lines.append("    name: " + q(V[lang]["name"]))
        if lang != "en":
            lines.append("    title: " + q(V[lang]["site_title"]))
    lines += ["theme: default", "page_size: 10", "navigation:", "  - _index.md"]
    write(os.path.join(out, "signpost.yaml"), "\n".join(lines) + "\n")


def hugo_config(out):
    lines = [
        "# Synthetic benchmark site, written by bench/generate.py.",
        'baseURL = "https://example.org/"',
        "title = " + q(V["en"]["site_title"]),
        'defaultContentLanguage = "en"',
        "defaultContentLanguageInSubdir = true",
        'disableKinds = ["taxonomy", "term", "RSS"]',
        "enableRobotsTXT = true",
        "",
        "[markup.goldmark.extensions]",
        "footnote = true",
        "table = true",
        "strikethrough = true",
        "typographer = true",
        "[markup.goldmark.parser.attribute]",
        "title = true",
        "[markup.goldmark.renderer]",
        "unsafe = false",
        "",
    ]
    for k, lang in enumerate(LANGS):
        lines += [
            "[languages.%s]" % lang,
            "languageName = " + q(V[lang]["name"]),
            "title = " + q(V[lang]["site_title"]),
            "weight = %d" % (k + 1),
            'contentDir = "content/%s"' % lang,
            'languageDirection = "%s"' % ("rtl" if lang == "ar" else "ltr"),
        ]
    write(os.path.join(out, "hugo.toml"), "\n".join(lines) + "\n")
    os.makedirs(os.path.join(out, "i18n"), exist_ok=True)
    for lang in LANGS:
        s = HUGO_I18N[lang]
        text = []
        for key in ("skip", "languages", "nav", "notes", "inSection", "footer"):
            text.append("[%s]\nother = %s\n" % (key, q(s[key])))
        text.append("[pageCount]\n" + "".join(
            "%s = %s\n" % (form, q(msg)) for form, msg in s["plural"].items()))
        for key, msg in HUGO_RESOURCE_STRINGS[lang].items():
            text.append("[%s]\nother = %s\n" % (key, q(msg)))
        write(os.path.join(out, "i18n", lang + ".toml"), "\n".join(text))
    layouts = os.path.join(out, "layouts")
    os.makedirs(os.path.join(layouts, "_default"), exist_ok=True)
    for name, text in list(HUGO_LAYOUTS.items()) + list(HUGO_RESOURCE_LAYOUTS.items()):
        os.makedirs(os.path.dirname(os.path.join(layouts, name)), exist_ok=True)
        write(os.path.join(layouts, name), text)


# Minimal Hugo templates, mirroring themes/default/templates (base.html,
# page.html, section.html, home.html) element for element where Hugo has the
# data: lang/dir, title, description, canonical, hreflang alternates (plus
# x-default), Open Graph, skip link, language switcher, site navigation (the
# home page, as navigation: [_index.md] in signpost.yaml), content, section
# listing by weight, footer.
HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="{{ .Language.Lang }}" dir="{{ .Language.LanguageDirection }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }} · {{ .Site.Title }}{{ end }}</title>
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}{{ range .AllTranslations }}{{ if eq .Language.Lang "en" }}<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
{{ end }}{{ end }}<meta property="og:type" content="article">
<meta property="og:title" content="{{ .Title }}">
{{ with .Params.summary }}<meta property="og:description" content="{{ . }}">{{ end }}
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:site_name" content="{{ .Site.Title }}">
<meta property="og:locale" content="{{ .Language.Lang }}">
<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="/style.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">{{ i18n "skip" }}</a>
<header class="site-header">
  <a class="brand" href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
  <nav class="langs" aria-label="{{ i18n "languages" }}">
    <ul>
    {{ range .AllTranslations }}<li><a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}" dir="{{ .Language.LanguageDirection }}" hreflang="{{ .Language.Lang }}"{{ if eq .Language.Lang $.Language.Lang }} aria-current="page"{{ end }}>{{ .Language.LanguageName }}</a></li>
    {{ end }}</ul>
  </nav>
</header>
<div class="layout">
<nav class="toolkit-nav" aria-label="{{ i18n "nav" }}">
  <ul>
  {{ with .Site.Home }}<li><a href="{{ .RelPermalink }}"{{ if eq .RelPermalink $.RelPermalink }} aria-current="page"{{ end }}>{{ .Title }}</a></li>
  {{ end }}</ul>
</nav>
<main id="main" tabindex="-1">
{{ block "main" . }}{{ end }}
</main>
</div>
<footer class="site-footer">
  <p>{{ i18n "footer" }}</p>
</footer>
</body>
</html>
""",
    "_default/single.html": """{{ define "main" }}
<article class="page">
<div class="content">
<header class="page-header">
  <h1>{{ .Title }}</h1>
  {{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
</header>
{{ .Content }}
</div>
</article>
{{ end }}
""",
    "_default/list.html": """{{ define "main" }}
<article class="page">
<div class="content">
<header class="page-header">
  <h1>{{ .Title }}</h1>
  {{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
</header>
{{ .Content }}
{{ with .Pages }}
<section class="children" aria-labelledby="children-heading">
<h2 id="children-heading">{{ i18n "inSection" }} <span class="count">({{ i18n "pageCount" (len .) }})</span></h2>
<ul class="cards">
{{ range .ByWeight }}<li class="card">
  <h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
  {{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
</li>
{{ end }}</ul>
</section>
{{ end }}
</div>
</article>
{{ end }}
""",
    "index.html": """{{ define "title" }}{{ .Site.Title }}{{ end }}
{{ define "main" }}
<article class="page">
<div class="content">
<header class="page-header">
  <h1>{{ .Title }}</h1>
  {{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
</header>
{{ .Content }}
{{ with .Pages }}
<section class="children" aria-labelledby="children-heading">
<h2 id="children-heading">{{ i18n "inSection" }} <span class="count">({{ i18n "pageCount" (len .) }})</span></h2>
<ul class="cards">
{{ range .ByWeight }}<li class="card">
  <h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
  {{ with .Params.summary }}<p>{{ . }}</p>{{ end }}
</li>
{{ end }}</ul>
</section>
{{ end }}
</div>
</article>
{{ end }}
""",
}


# The resource pages of the Hugo site (generate.py --resources R --hugo-out):
# the elements of themes/default/templates/resource.html (library link,
# citation and title, summary, access links with hreflang, facts), and a
# listing of the section paginated by Hugo (10 a page). Signpost's library
# also writes a listing page per filter combination, which Hugo has no
# counterpart for.
HUGO_RESOURCE_LAYOUTS = {
    "resources/single.html": """{{ define "main" }}
<article class="page resource-page">
<header class="page-header">
<p class="label"><a href="{{ .Parent.RelPermalink }}">{{ i18n "library" }}</a></p>
<h1><span class="citation" dir="auto">{{ .Params.organisation }} ({{ .Params.year }})</span> <span dir="auto">{{ .Title }}</span></h1>
</header>
<p class="summary">{{ .Params.summary }}</p>
<h2>{{ i18n "access" }}</h2>
<ul class="access access-large">{{ range .Params.links }}<li><a href="{{ .url }}" hreflang="{{ .code }}" rel="noopener">{{ with .label }}{{ . }}{{ else }}{{ i18n "accessIn" (dict "language" .language) }}{{ end }}</a></li>{{ end }}</ul>
<h2>{{ i18n "about" }}</h2>
<dl class="facts">
<dt>{{ i18n "organisation" }}</dt><dd>{{ .Params.organisation }}</dd>
<dt>{{ i18n "year" }}</dt><dd>{{ .Params.year }}</dd>
<dt>{{ i18n "categories" }}</dt><dd>{{ delimit .Params.categories_labels ", " }}</dd>
<dt>{{ i18n "audiences" }}</dt><dd>{{ delimit .Params.audiences_labels ", " }}</dd>
<dt>{{ i18n "topics" }}</dt><dd>{{ delimit .Params.topics_labels ", " }}</dd>
<dt>{{ i18n "added" }}</dt><dd><time datetime="{{ .Params.added }}">{{ .Params.added }}</time></dd>
</dl>
</article>
{{ end }}
""",
    "resources/list.html": """{{ define "main" }}
<article class="page">
<header class="page-header"><h1>{{ .Title }}</h1></header>
{{ $pages := .Paginate .Pages.ByWeight }}
<ul class="cards">
{{ range $pages.Pages }}<li class="card">
  <h3><a href="{{ .RelPermalink }}">{{ .Params.organisation }} ({{ .Params.year }}) {{ .Title }}</a></h3>
  <p>{{ .Params.summary }}</p>
</li>
{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
</article>
{{ end }}
""",
}
HUGO_RESOURCE_STRINGS = {
    "en": dict(library="Resource library", access="Access", accessIn="Access in {{ .language }}", about="About this resource",
               organisation="Organisation", year="Year", categories="Categories", audiences="Audiences",
               topics="Topics", added="Added"),
    "fr": dict(library="Bibliothèque de ressources", access="Accès", accessIn="Accéder en {{ .language }}",
               about="À propos de cette ressource", organisation="Organisation", year="Année",
               categories="Catégories", audiences="Publics", topics="Thèmes", added="Ajouté"),
    "es": dict(library="Biblioteca de recursos", access="Acceso", accessIn="Acceder en {{ .language }}",
               about="Acerca de este recurso", organisation="Organización", year="Año",
               categories="Categorías", audiences="Destinatarios", topics="Temas", added="Añadido"),
    "ar": dict(library="مكتبة الموارد", access="الوصول", accessIn="الوصول باللغة {{ .language }}",
               about="عن هذا المورد", organisation="المنظمة", year="السنة", categories="الفئات",
               audiences="الجمهور", topics="المواضيع", added="أضيف في"),
}


# ---------------------------------------------------------------------------
# The Zola site (--zola-out): the same pages, Zola's layout and templates
# ---------------------------------------------------------------------------

def toml_str(s):
    """A TOML basic string (JSON escapes are valid TOML ones)."""
    return json.dumps(s, ensure_ascii=False)


def zola_strings(lang):
    """The interface strings of the Hugo site, for Zola's `trans()`. Zola has
    no plural forms: the page count is "N" + the `other` form's word."""
    s = HUGO_I18N[lang]
    out = dict(site_title=V[lang]["site_title"], lang_name=V[lang]["name"])
    for key in ("skip", "languages", "nav", "notes", "inSection", "footer"):
        out[key] = s[key]
    out["pages"] = s["plural"]["other"].replace("{{ .Count }}", "").strip()
    for key, msg in HUGO_RESOURCE_STRINGS[lang].items():
        out[key] = msg.replace("{{ .language }}", "").strip()
    return out


def zola_config(out):
    lines = [
        "# Synthetic benchmark site, written by bench/generate.py.",
        'base_url = "https://example.org"',
        "title = " + toml_str(V["en"]["site_title"]),
        'default_language = "en"',
        "compile_sass = false",
        "build_search_index = false",
        "generate_feeds = false",
        "generate_sitemap = true",
        "generate_robots_txt = true",
        "",
        "[markdown]",
        "smart_punctuation = true",
        "bottom_footnotes = true",
        "",
        "[translations]",
    ]
    lines += ["%s = %s" % (k, toml_str(v)) for k, v in zola_strings("en").items()]
    for lang in LANGS[1:]:
        lines += ["", "[languages.%s]" % lang, "title = " + toml_str(V[lang]["site_title"]),
                  "", "[languages.%s.translations]" % lang]
        lines += ["%s = %s" % (k, toml_str(v)) for k, v in zola_strings(lang).items()]
    write(os.path.join(out, "zola.toml"), "\n".join(lines) + "\n")
    for name, text in ZOLA_TEMPLATES.items():
        write(os.path.join(out, "templates", name), text)


def zola_template(var, title, main):
    """A Zola page template: base.html's head (title, meta, alternates) and
    language switcher for `var` (page or section), then `main`. SITE in
    `title` stands for the site title in the page's language."""
    title = title.replace("SITE", 'trans(key="site_title", lang=lang)')
    return ('{% extends "base.html" %}\n{% import "macros.html" as m %}\n'
            '{% block head %}{{ m::head(p=' + var + ', title=' + title + ', lang=lang) }}{% endblock head %}\n'
            '{% block langs %}{{ m::langs(p=' + var + ', lang=lang, label=trans(key="languages", lang=lang)) }}'
            '{% endblock langs %}\n{% block main %}' + main + '{% endblock main %}\n')


# Minimal Zola templates with the elements of the Hugo ones above (and so of
# themes/default): lang/dir, title, description, canonical, hreflang
# alternates (plus x-default), Open Graph, skip link, language switcher,
# site navigation (the home page), content, the section's pages by weight,
# footer; the resource pages and a listing paginated 10 a page.
ZOLA_TEMPLATES = {
    "macros.html": """{% macro head(p, title, lang) %}<title>{{ title }}</title>
{% if p.description %}<meta name="description" content="{{ p.description }}">{% endif %}
<link rel="canonical" href="{{ p.permalink | safe }}">
{% for t in p.translations %}<link rel="alternate" hreflang="{{ t.lang }}" href="{{ t.permalink | safe }}">
{% endfor %}{% for t in p.translations %}{% if t.lang == "en" %}<link rel="alternate" hreflang="x-default" href="{{ t.permalink | safe }}">
{% endif %}{% endfor %}<meta property="og:type" content="article">
<meta property="og:title" content="{{ p.title }}">
{% if p.description %}<meta property="og:description" content="{{ p.description }}">{% endif %}
<meta property="og:url" content="{{ p.permalink | safe }}">
<meta property="og:locale" content="{{ lang }}">
{% endmacro head %}
{% macro langs(p, lang, label) %}<nav class="langs" aria-label="{{ label }}">
    <ul>
    {% for t in p.translations %}<li><a href="{{ t.permalink | safe }}" lang="{{ t.lang }}" dir="{% if t.lang == "ar" %}rtl{% else %}ltr{% endif %}" hreflang="{{ t.lang }}"{% if t.lang == lang %} aria-current="page"{% endif %}>{{ trans(key="lang_name", lang=t.lang) }}</a></li>
    {% endfor %}</ul>
  </nav>{% endmacro langs %}
{% macro listing(s, lang) %}{% if s.pages %}
<section class="children" aria-labelledby="children-heading">
<h2 id="children-heading">{{ trans(key="inSection", lang=lang) }} <span class="count">({{ s.pages | length }} {{ trans(key="pages", lang=lang) }})</span></h2>
<ul class="cards">
{% for p in s.pages %}<li class="card">
  <h3><a href="{{ p.permalink | safe }}">{{ p.title }}</a></h3>
  {% if p.description %}<p>{{ p.description }}</p>{% endif %}
</li>
{% endfor %}</ul>
</section>
{% endif %}{% endmacro listing %}
""",
    "base.html": """<!doctype html>
<html lang="{{ lang }}" dir="{% if lang == "ar" %}rtl{% else %}ltr{% endif %}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{% block head %}{% endblock head %}<meta property="og:site_name" content="{{ trans(key="site_title", lang=lang) }}">
<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="/style.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#main">{{ trans(key="skip", lang=lang) }}</a>
{% if lang == "en" %}{% set home_path = "_index.md" %}{% else %}{% set home_path = "_index." ~ lang ~ ".md" %}{% endif %}{% set home = get_section(path=home_path, metadata_only=true) %}<header class="site-header">
  <a class="brand" href="{{ home.permalink | safe }}">{{ trans(key="site_title", lang=lang) }}</a>
  {% block langs %}{% endblock langs %}
</header>
<div class="layout">
<nav class="toolkit-nav" aria-label="{{ trans(key="nav", lang=lang) }}">
  <ul>
  <li><a href="{{ home.permalink | safe }}"{% if home.permalink == current_url %} aria-current="page"{% endif %}>{{ home.title }}</a></li>
  </ul>
</nav>
<main id="main" tabindex="-1">
{% block main %}{% endblock main %}
</main>
</div>
<footer class="site-footer">
  <p>{{ trans(key="footer", lang=lang) }}</p>
</footer>
</body>
</html>
""",
    "page.html": zola_template("page", "page.title ~ \" · \" ~ SITE", """
<article class="page">
<div class="content">
<header class="page-header">
  <h1>{{ page.title }}</h1>
  {% if page.description %}<p class="summary">{{ page.description }}</p>{% endif %}
</header>
{{ page.content | safe }}
</div>
</article>
"""),
    "section.html": zola_template("section", "section.title ~ \" · \" ~ SITE", """
<article class="page">
<div class="content">
<header class="page-header">
  <h1>{{ section.title }}</h1>
  {% if section.description %}<p class="summary">{{ section.description }}</p>{% endif %}
</header>
{{ section.content | safe }}
{{ m::listing(s=section, lang=lang) }}
</div>
</article>
"""),
    "index.html": zola_template("section", "SITE", """
<article class="page">
<div class="content">
<header class="page-header">
  <h1>{{ section.title }}</h1>
  {% if section.description %}<p class="summary">{{ section.description }}</p>{% endif %}
</header>
{{ section.content | safe }}
{% if section.subsections %}
<section class="children" aria-labelledby="children-heading">
<h2 id="children-heading">{{ trans(key="inSection", lang=lang) }} <span class="count">({{ section.subsections | length }} {{ trans(key="pages", lang=lang) }})</span></h2>
<ul class="cards">
{% for path in section.subsections %}{% set s = get_section(path=path, metadata_only=true) %}<li class="card">
  <h3><a href="{{ s.permalink | safe }}">{{ s.title }}</a></h3>
  {% if s.description %}<p>{{ s.description }}</p>{% endif %}
</li>
{% endfor %}</ul>
</section>
{% endif %}
</div>
</article>
"""),
    "resource.html": zola_template("page", "page.title ~ \" · \" ~ SITE", """
<article class="page resource-page">
<header class="page-header">
{% set library = get_section(path=page.ancestors | last, metadata_only=true) %}<p class="label"><a href="{{ library.permalink | safe }}">{{ trans(key="library", lang=lang) }}</a></p>
<h1><span class="citation" dir="auto">{{ page.extra.organisation }} ({{ page.extra.year }})</span> <span dir="auto">{{ page.title }}</span></h1>
</header>
<p class="summary">{{ page.description }}</p>
<h2>{{ trans(key="access", lang=lang) }}</h2>
<ul class="access access-large">{% for l in page.extra.links %}<li><a href="{{ l.url | safe }}" hreflang="{{ l.code }}" rel="noopener">{% if l.label %}{{ l.label }}{% else %}{{ trans(key="accessIn", lang=lang) }} {{ l.language }}{% endif %}</a></li>{% endfor %}</ul>
<h2>{{ trans(key="about", lang=lang) }}</h2>
<dl class="facts">
<dt>{{ trans(key="organisation", lang=lang) }}</dt><dd>{{ page.extra.organisation }}</dd>
<dt>{{ trans(key="year", lang=lang) }}</dt><dd>{{ page.extra.year }}</dd>
<dt>{{ trans(key="categories", lang=lang) }}</dt><dd>{{ page.extra.categories_labels | join(sep=", ") }}</dd>
<dt>{{ trans(key="audiences", lang=lang) }}</dt><dd>{{ page.extra.audiences_labels | join(sep=", ") }}</dd>
<dt>{{ trans(key="topics", lang=lang) }}</dt><dd>{{ page.extra.topics_labels | join(sep=", ") }}</dd>
<dt>{{ trans(key="added", lang=lang) }}</dt><dd><time datetime="{{ page.extra.added }}">{{ page.extra.added }}</time></dd>
</dl>
</article>
"""),
    "resources.html": zola_template("section", "section.title ~ \" · \" ~ SITE", """
<article class="page">
<header class="page-header"><h1>{{ section.title }}</h1></header>
<ul class="cards">
{% for p in paginator.pages %}<li class="card">
  <h3><a href="{{ p.permalink | safe }}">{{ p.extra.organisation }} ({{ p.extra.year }}) {{ p.title }}</a></h3>
  <p>{{ p.description }}</p>
</li>
{% endfor %}</ul>
<nav class="pagination"><ul>
{% if paginator.previous %}<li><a href="{{ paginator.previous | safe }}">&laquo;</a></li>{% endif %}
<li>{{ paginator.current_index }} / {{ paginator.number_pagers }}</li>
{% if paginator.next %}<li><a href="{{ paginator.next | safe }}">&raquo;</a></li>{% endif %}
</ul></nav>
</article>
"""),
}


def zola_resource(res, lang, tr):
    """content/resources/<id>[.<lang>].md of the Zola site: the front matter
    of the Hugo page (hugo_resource), with Zola's names (`description`, and
    the facts under `extra`)."""
    lines = hugo_resource(res, lang, tr).split("\n")
    out = []
    for line in lines:
        if line.startswith("summary: "):
            out.append("description: " + line[len("summary: "):])
        elif line.startswith("organisation: "):
            out += ["extra:", "  " + line]
        elif out and out[-1].startswith("  ") and line != "---" and not line.startswith(("title:", "weight:")):
            out.append("  " + line)
        else:
            out.append(line)
    return "\n".join(out)


# ---------------------------------------------------------------------------
# Resource catalogue (--resources R): content/catalogue/ for the library
# ---------------------------------------------------------------------------

# The bundled vocabulary (content/catalogue/vocabulary.yaml), copied here so
# that the generated site does not change when the bundled example does.
# Only `components` differs: the bundled ones point to the bundled guidance
# pages; here they point to six generated pages (see catalogue_components).
VOCABULARY = {
    "categories": [
        ("key-guidance", {"en": "Key Guidance", "fr": "Orientations clés", "es": "Orientaciones clave", "ar": "إرشادات أساسية"}),
        ("tools-materials", {"en": "Specific Tools & Materials", "fr": "Outils et supports spécifiques", "es": "Herramientas y materiales específicos", "ar": "أدوات ومواد محددة"}),
        ("field-examples", {"en": "Field Examples and Applications", "fr": "Exemples et applications sur le terrain", "es": "Ejemplos y aplicaciones sobre el terreno", "ar": "أمثلة وتطبيقات ميدانية"}),
        ("publications-readings", {"en": "Key Publications & Readings", "fr": "Publications et lectures essentielles", "es": "Publicaciones y lecturas fundamentales", "ar": "منشورات وقراءات رئيسية"}),
    ],
    "audiences": [
        ("implementing-agencies", {"en": "Implementing agencies", "fr": "Organismes de mise en œuvre", "es": "Organismos de ejecución", "ar": "الجهات المنفذة"}),
        ("governments", {"en": "Governments", "fr": "Gouvernements", "es": "Gobiernos", "ar": "الحكومات"}),
        ("donors", {"en": "Donors", "fr": "Bailleurs de fonds", "es": "Donantes", "ar": "الجهات المانحة"}),
    ],
    # (id, facet or None, labels): facet None = a filter value of its own.
    "languages": [
        ("en", None, {"en": "English", "fr": "anglais", "es": "inglés", "ar": "الإنجليزية"}),
        ("fr", None, {"en": "French", "fr": "français", "es": "francés", "ar": "الفرنسية"}),
        ("ar", None, {"en": "Arabic", "fr": "arabe", "es": "árabe", "ar": "العربية"}),
        ("es", None, {"en": "Spanish", "fr": "espagnol", "es": "español", "ar": "الإسبانية"}),
        ("other", None, {"en": "Other", "fr": "autres langues", "es": "otros idiomas", "ar": "لغات أخرى"}),
        ("zh", "other", {"en": "Chinese", "fr": "chinois", "es": "chino", "ar": "الصينية"}),
        ("ru", "other", {"en": "Russian", "fr": "russe", "es": "ruso", "ar": "الروسية"}),
        ("pt", "other", {"en": "Portuguese", "fr": "portugais", "es": "portugués", "ar": "البرتغالية"}),
        ("el", "other", {"en": "Greek", "fr": "grec", "es": "griego", "ar": "اليونانية"}),
        ("it", "other", {"en": "Italian", "fr": "italien", "es": "italiano", "ar": "الإيطالية"}),
        ("ja", "other", {"en": "Japanese", "fr": "japonais", "es": "japonés", "ar": "اليابانية"}),
    ],
    "topics": [
        ("advocacy-networking-communication", {"en": "Advocacy, Networking & Communication", "fr": "Plaidoyer, travail en réseau et communication", "es": "Incidencia, trabajo en red y comunicación", "ar": "المناصرة والتشبيك والتواصل"}),
        ("mh-plans-policies", {"en": "Mental Health Plans & Policies", "fr": "Plans et politiques de santé mentale", "es": "Planes y políticas de salud mental", "ar": "خطط الصحة النفسية وسياساتها"}),
        ("assessment-planning", {"en": "Assessment & Planning", "fr": "Évaluation des besoins et planification", "es": "Evaluación de necesidades y planificación", "ar": "تقييم الاحتياجات والتخطيط"}),
        ("training-supervision", {"en": "Training & Supervision", "fr": "Formation et supervision", "es": "Capacitación y supervisión", "ar": "التدريب والإشراف"}),
        ("psychotropic-medicines", {"en": "Psychotropic Medicines", "fr": "Médicaments psychotropes", "es": "Medicamentos psicotrópicos", "ar": "الأدوية النفسية"}),
        ("service-organisation-referral", {"en": "Service Organisation & Referral", "fr": "Organisation des services et orientation", "es": "Organización de los servicios y derivación", "ar": "تنظيم الخدمات والإحالة"}),
        ("psychological-interventions", {"en": "Psychological Interventions", "fr": "Interventions psychologiques", "es": "Intervenciones psicológicas", "ar": "التدخلات النفسية"}),
        ("monitoring-evaluation-indicators", {"en": "Monitoring, Evaluation & Indicators", "fr": "Suivi, évaluation et indicateurs", "es": "Monitoreo, evaluación e indicadores", "ar": "الرصد والتقييم والمؤشرات"}),
        ("community-service-users", {"en": "Community & Service Users", "fr": "Communautés et usagers des services", "es": "Comunidad y usuarios de los servicios", "ar": "المجتمع المحلي ومستخدمو الخدمات"}),
        ("financing-sustainability", {"en": "Financing & Sustainability", "fr": "Financement et pérennité", "es": "Financiación y sostenibilidad", "ar": "التمويل والاستدامة"}),
        ("humanitarian-mhpss", {"en": "Humanitarian MHPSS", "fr": "SMSPS en contexte humanitaire", "es": "SMAPS en contextos humanitarios", "ar": "الصحة النفسية والدعم النفسي الاجتماعي في السياقات الإنسانية"}),
        ("human-rights-quality", {"en": "Human Rights & Quality of Care", "fr": "Droits humains et qualité des soins", "es": "Derechos humanos y calidad de la atención", "ar": "حقوق الإنسان وجودة الرعاية"}),
    ],
    "components": ["assess-and-plan", "build-capacity", "strengthen-services",
                   "monitoring-evaluation", "advocate-coordinate-network", "sustain-services"],
}

# Document languages of a resource's links: each is drawn on its own with
# this probability (a resource with none gets English; at most 4 links).
DOC_LANG_P = [("en", 0.90), ("fr", 0.40), ("es", 0.30), ("ar", 0.25),
              ("zh", 0.10), ("ru", 0.10), ("pt", 0.10)]
CATEGORY_W = [0.30, 0.30, 0.20, 0.20]  # same order as VOCABULARY["categories"]
ORGANISATIONS = [
    "WHO", "WHO EMRO", "WHO SEARO", "UNHCR", "UNICEF", "IASC", "IOM", "UNFPA",
    "World Bank", "ICRC", "IFRC", "MSF", "International Medical Corps", "CBM",
    "MHIN & LSHTM", "Save the Children", "War Child", "HealthNet TPO",
    "Partners In Health", "Sangath", "BasicNeeds", "StrongMinds",
    "King's College London", "Johns Hopkins University", "The Lancet",
    "Movement for Global Mental Health", "Ministry of Health, Lebanon",
    "Ministry of Health, Jordan", "Ministry of Health, Uganda",
    "Ministry of Health, Nepal", "Mental Health Europe", "mhGAP Forum",
]
RESOURCE_KINDS = [
    "Guide", "Toolkit", "Manual", "Handbook", "Training package", "Policy brief",
    "Field report", "Case study", "Operational guidance", "Implementation guide",
    "Assessment tool", "Facilitator's guide", "Pocket guide", "Technical note",
    "Evidence review", "Framework", "Checklist", "Lessons learned",
]
TITLE_FORMS = ["{topic} in {setting}: {kind}", "{kind} on {topic_l} in {setting}",
               "{topic}: a {kind_l} for {setting}"]
EXTRA_LINK_LABELS = {
    "en": ["Summary version", "Annexes and forms", "Facilitator's notes", "Slides for training"],
    "fr": ["Version abrégée", "Annexes et formulaires", "Notes de l'animateur", "Diapositives pour la formation"],
    "es": ["Versión resumida", "Anexos y formularios", "Notas para el facilitador", "Diapositivas para la capacitación"],
    "ar": ["نسخة موجزة", "الملاحق والاستمارات", "ملاحظات الميسّر", "شرائح للتدريب"],
}
TRANSLATED_SHARE = 0.8      # resources with a translated summary, per language
OFFICIAL_TITLE_SHARE = 0.05  # of those, with an official translated title


def catalogue_components(n_pages):
    """The six component ids and the generated pages they point to."""
    ids = VOCABULARY["components"]
    return [(cid, page_rel(k * n_pages // len(ids)) + ".md") for k, cid in enumerate(ids)]


def vocabulary_yaml(n_pages):
    def label(labels):
        return "{" + ", ".join("%s: %s" % (lang, q(labels[lang])) for lang in LANGS) + "}"
    out = ["# Controlled vocabulary of the resource catalogue, written by bench/generate.py:",
           "# the bundled content/catalogue/vocabulary.yaml, with components pointing to",
           "# generated pages.", ""]
    for key in ("categories", "audiences"):
        out.append(key + ":")
        for tid, labels in VOCABULARY[key]:
            out += ["  - id: " + tid, "    label: " + label(labels)]
        out.append("")
    out.append("languages:")
    for lid, facet, labels in VOCABULARY["languages"]:
        out.append("  - id: " + lid)
        if facet:
            out.append("    facet: " + facet)
        out.append("    label: " + label(labels))
    out += ["", "topics:"]
    for tid, labels in VOCABULARY["topics"]:
        out += ["  - id: " + tid, "    label: " + label(labels)]
    out += ["", "components:"]
    for cid, page in catalogue_components(n_pages):
        out += ["  - id: " + cid, "    page: " + page]
    return "\n".join(out) + "\n"


def summary_words(w, lo=30, hi=50):
    """A plain summary of lo-hi words from Writer w."""
    target = w.rng.randint(lo, hi)
    words, tries = [], 0
    while len(words) < target:
        sentence = w.sentence(emphasis=False).split()
        if len(words) + len(sentence) <= hi:
            words += sentence
        elif len(words) >= lo:
            break
        elif (tries := tries + 1) > 20:  # no short enough sentence: cut one
            words += sentence[:hi - len(words)]
            words[-1] = words[-1].rstrip(",.;:،") + "."
    return " ".join(words)


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def plan_resource(k, seed):
    """Resource number k (from 1): facts and English text, as a dict."""
    r = random.Random(seed * 5_000_011 + k)
    en = V["en"]
    t, s = r.randrange(20), r.randrange(12)
    kind = r.choice(RESOURCE_KINDS)
    title = r.choice(TITLE_FORMS).format(
        topic=en["topics"][t], topic_l=en["topics"][t][:1].lower() + en["topics"][t][1:],
        setting=en["settings"][s], kind=kind, kind_l=kind[:1].lower() + kind[1:])
    org = r.choice(ORGANISATIONS)
    cats = [c[0] for c in VOCABULARY["categories"]]
    categories = [r.choices(cats, CATEGORY_W)[0]]
    if r.random() < 0.4:
        categories.append(r.choice([c for c in cats if c != categories[0]]))
    auds = [a[0] for a in VOCABULARY["audiences"]]
    audiences = r.sample(auds, r.choices([1, 2, 3], [0.4, 0.35, 0.25])[0])
    topics = r.sample([x[0] for x in VOCABULARY["topics"]], r.choice([1, 1, 2]))
    components = r.sample(VOCABULARY["components"], r.choices([0, 1, 2], [0.35, 0.45, 0.2])[0])
    langs = [lang for lang, p in DOC_LANG_P if r.random() < p] or ["en"]
    if len(langs) > 4:
        langs = sorted(r.sample(langs, 4), key=[x for x, _ in DOC_LANG_P].index)
    rid = "r%06d" % k
    base = "https://example.org/%s/%s" % (slug(org), rid)
    links = [{"url": "%s/%s" % (base, lang), "language": lang} for lang in langs]
    extra = None
    if len(links) < 4 and r.random() < 0.15:  # a second, labelled document
        extra = r.randrange(len(EXTRA_LINK_LABELS["en"]))
        links.append({"url": "%s/%s/extra" % (base, links[0]["language"]),
                      "language": links[0]["language"], "label": EXTRA_LINK_LABELS["en"][extra]})
    return dict(
        id=rid, title=title, t=t, s=s, organisation=org, year=r.randint(1995, 2025),
        added="%04d-%02d-%02d" % (r.randint(2019, 2025), r.randint(1, 12), r.randint(1, 28)),
        categories=categories, topics=topics, audiences=audiences, components=components,
        summary=summary_words(Writer("en", r)), links=links, extra=extra,
    )


def flow(values):
    return "[" + ", ".join(values) + "]"


def resource_yaml(res):
    out = ["- id: " + res["id"],
           "  added: " + res["added"],
           "  title: " + q(res["title"]),
           "  organisation: " + q(res["organisation"]),
           "  year: %d" % res["year"],
           "  categories: " + flow(res["categories"]),
           "  topics: " + flow(res["topics"]),
           "  audiences: " + flow(res["audiences"]),
           "  components: " + flow(res["components"]),
           "  summary: " + q(res["summary"]),
           "  links:"]
    for link in res["links"]:
        out += ["    - url: " + link["url"], "      language: " + link["language"]]
        if "label" in link:
            out.append("      label: " + q(link["label"]))
    return "\n".join(out) + "\n"


def translation_of(res, lang, seed, lang_seed):
    """The translated text of `res` in `lang` as a dict (title or None,
    summary, link label or None), or None (not translated)."""
    r = random.Random((seed * 5_000_011 + int(res["id"][1:])) * 17 + lang_seed)
    if r.random() >= TRANSLATED_SHARE:
        return None
    v = V[lang]
    title = None
    if r.random() < OFFICIAL_TITLE_SHARE:
        title = v["title_fmt"].format(topic=v["topics"][res["t"]], setting=v["settings"][res["s"]])
    summary = summary_words(Writer(lang, r))
    label = EXTRA_LINK_LABELS[lang][res["extra"]] if res["extra"] is not None else None
    return dict(title=title, summary=summary, label=label)


def translation_yaml(res, tr):
    """The entry of `res` in translations/<lang>.yaml, or '' (not translated)."""
    if tr is None:
        return ""
    out = [res["id"] + ":"]
    if tr["title"] is not None:
        out.append("  title: " + q(tr["title"]))
    out.append("  summary: " + q(tr["summary"]))
    if tr["label"] is not None:
        out.append("  link_labels: " + flow([q(tr["label"])]))
    return "\n".join(out) + "\n\n"


def hugo_resource(res, lang, tr):
    """content/<lang>/resources/<id>.md of the Hugo site: the same facts and
    text as Signpost's resource page (the translation, else the English)."""
    def labels(kind, ids):
        names = dict((i, l) for i, l in VOCABULARY[kind])
        return flow([q(names[i][lang]) for i in ids])
    title = tr["title"] if tr and tr["title"] else res["title"]
    summary = tr["summary"] if tr else res["summary"]
    topics = dict((i, l) for i, l in VOCABULARY["topics"])
    out = ["---", "title: " + q(title), "summary: " + q(summary),
           "weight: %d" % int(res["id"][1:]),
           "organisation: " + q(res["organisation"]), "year: %d" % res["year"], "added: " + q(res["added"]),
           "categories_labels: " + labels("categories", res["categories"]),
           "audiences_labels: " + labels("audiences", res["audiences"]),
           "topics_labels: " + flow([q(topics[t][lang]) for t in res["topics"]]),
           "links:"]
    lang_names = dict((i, l) for i, _, l in VOCABULARY["languages"])
    for link in res["links"]:
        out += ["  - url: " + link["url"], "    language: " + q(lang_names[link["language"]][lang]),
                "    code: " + link["language"]]
        if "label" in link:
            out.append("    label: " + q(tr["label"] if tr and tr["label"] else link["label"]))
    out.append("---")
    return "\n".join(out) + "\n"


def generate_catalogue(root, n_resources, n_pages, seed, hugo_root=None, zola_root=None):
    """content/catalogue/ with n_resources resources; returns how many
    resources have a translation, per language. With hugo_root, also a page
    per resource and language in the Hugo site (content/<lang>/resources/)."""
    cat = os.path.join(root, "content", "catalogue")
    os.makedirs(os.path.join(cat, "translations"), exist_ok=True)
    write(os.path.join(cat, "vocabulary.yaml"), vocabulary_yaml(n_pages))
    others = [lang for lang in LANGS if lang != "en"]
    lang_seed = {lang: k + 1 for k, lang in enumerate(LANGS)}
    translated = {lang: 0 for lang in others}
    files = {lang: open(os.path.join(cat, "translations", lang + ".yaml"), "w", encoding="utf-8")
             for lang in others}
    try:
        for lang, f in files.items():
            f.write("# Translated text of the synthetic catalogue (%s), written by bench/generate.py.\n\n"
                    % V[lang]["name"])
        with open(os.path.join(cat, "resources.yaml"), "w", encoding="utf-8") as out:
            out.write("# Synthetic resource catalogue, written by bench/generate.py.\n\n")
            for k in range(1, n_resources + 1):
                res = plan_resource(k, seed)
                out.write(resource_yaml(res) + "\n")
                trs = {"en": None}
                for lang, f in files.items():
                    trs[lang] = translation_of(res, lang, seed, lang_seed[lang])
                    if trs[lang] is not None:
                        translated[lang] += 1
                        f.write(translation_yaml(res, trs[lang]))
                if hugo_root:
                    for lang in LANGS:
                        write(os.path.join(hugo_root, "content", lang, "resources", res["id"] + ".md"),
                              hugo_resource(res, lang, trs[lang]))
                if zola_root:
                    for lang in LANGS:
                        write(os.path.join(zola_root, "content", "resources", zola_file(res["id"] + ".md", lang)),
                              zola_resource(res, lang, trs[lang]))
    finally:
        for f in files.values():
            f.close()
    return translated


def summary_of(w):
    """Plain text: front matter summaries are not Markdown."""
    return w.sentence(emphasis=False)


def generate(n_pages, seed, signpost_out, hugo_out, n_resources=0, zola_out=None):
    n_sections = (n_pages - 1) // SECTION_SIZE + 1
    outs = [(root, kind) for root, kind in
            ((signpost_out, "signpost"), (hugo_out, "hugo"), (zola_out, "zola")) if root]
    configs = {"signpost": signpost_config, "hugo": hugo_config, "zola": zola_config}
    for root, kind in outs:
        if os.path.exists(os.path.join(root, "content")):
            sys.exit("%s already holds content/: remove it first" % root)
        configs[kind](root)

    words = 0

    def emit(rel, lang, title, summary, order, body, from_dir):
        nonlocal words
        section = rel.endswith("_index.md")
        for root, kind in outs:
            if kind == "zola":
                path, text = zola_file(rel, lang), LINK_RE.sub(zola_dest(lang), body)
            else:
                dest = hugo_dest(lang) if kind == "hugo" else signpost_dest(from_dir)
                path, text = os.path.join(lang, rel), LINK_RE.sub(dest, body)
            write(os.path.join(root, "content", path), front(title, summary, order, kind, section) + text)
        if lang == "en" and not rel.endswith("_index.md"):
            words += len(body.split())

    lang_seed = {lang: k + 1 for k, lang in enumerate(LANGS)}
    home = home_blocks(n_pages, seed)
    for lang in LANGS:
        w = Writer(lang, random.Random(seed * 31 + lang_seed[lang]))
        emit("_index.md", lang, V[lang]["home_title"], summary_of(w), None,
             render_blocks(home, lang, w), "")
    for s in range(n_sections):
        blocks = section_blocks(s, n_pages, seed)
        for lang in LANGS:
            w = Writer(lang, random.Random((seed * 1_000_003 + s) * 17 + lang_seed[lang]))
            emit("s%03d/_index.md" % s, lang, section_title(s, lang), summary_of(w), s + 1,
                 render_blocks(blocks, lang, w), "s%03d" % s)
    for i in range(n_pages):
        blocks = plan_page(i, n_pages, seed)
        for lang in LANGS:
            w = Writer(lang, random.Random(((seed * 1_000_003 + i) * 17 + lang_seed[lang]) * 2 + 1))
            emit(page_rel(i) + ".md", lang, page_title(i, lang), summary_of(w),
                 i % SECTION_SIZE + 1, render_blocks(blocks, lang, w), "s%03d" % sec_of(i))
    translated = None
    if n_resources and signpost_out:
        if hugo_out:
            for lang in LANGS:
                write(os.path.join(hugo_out, "content", lang, "resources", "_index.md"),
                      "---\ntitle: %s\nweight: 100000\n---\n" % q(HUGO_RESOURCE_STRINGS[lang]["library"]))
        if zola_out:
            for lang in LANGS:
                write(os.path.join(zola_out, "content", "resources", zola_file("_index.md", lang)),
                      "---\ntitle: %s\nweight: 100000\nsort_by: weight\npaginate_by: 10\n"
                      "template: resources.html\npage_template: resource.html\n---\n"
                      % q(HUGO_RESOURCE_STRINGS[lang]["library"]))
        translated = generate_catalogue(signpost_out, n_resources, n_pages, seed, hugo_out, zola_out)
    return words, translated


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, required=True, help="pages per language")
    ap.add_argument("--out", required=True, help="site folder to create")
    ap.add_argument("--hugo", action="store_true", help="write a Hugo site into --out instead")
    ap.add_argument("--hugo-out", help="also write the Hugo site into this folder")
    ap.add_argument("--zola-out", help="also write the Zola site into this folder")
    ap.add_argument("--resources", type=int, default=0, metavar="R",
                    help="also write a resource catalogue of R resources (Signpost); with --hugo-out, a page per resource and language in the Hugo site")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--corpus", choices=["default", "longtail"], default="default",
                    help="longtail: sentences also carry Zipf-distributed names, numbers and rare words "
                         "from %d types per language" % LONGTAIL_TYPES)
    args = ap.parse_args()
    global LONGTAIL
    if args.corpus == "longtail":
        LONGTAIL = LongTail(args.seed)
    if args.pages < 1:
        ap.error("--pages must be at least 1")
    if args.resources < 0 or args.resources > 999_999:
        ap.error("--resources must be between 0 and 999999")
    if args.resources and args.hugo:
        ap.error("--resources writes a Signpost catalogue (and, with --hugo-out, its Hugo pages): not with --hugo")
    signpost_out = None if args.hugo else args.out
    hugo_out = args.out if args.hugo else args.hugo_out
    if args.zola_out and args.hugo:
        ap.error("--zola-out goes with a Signpost site (--out without --hugo)")
    for d in (signpost_out, hugo_out, args.zola_out):
        if d:
            os.makedirs(d, exist_ok=True)
    words, translated = generate(args.pages, args.seed, signpost_out, hugo_out, args.resources, args.zola_out)
    n_sections = (args.pages - 1) // SECTION_SIZE + 1
    files = len(LANGS) * (1 + n_sections + args.pages)
    print("generated %d content files per site (%d pages, %d sections, 1 home, x %d languages); "
          "%.0f words per English page on average"
          % (files, args.pages, n_sections, len(LANGS), words / args.pages),
          file=sys.stderr)
    if translated is not None:
        print("generated a catalogue of %d resources (components on %s); translated summaries: %s"
              % (args.resources, ", ".join(p for _, p in catalogue_components(args.pages)),
                 ", ".join("%s %d" % kv for kv in translated.items())),
              file=sys.stderr)


if __name__ == "__main__":
    main()
