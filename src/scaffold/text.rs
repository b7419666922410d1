//! The starter site's text in the languages Signpost has interface strings
//! for. Another language gets the English text with a note asking for a
//! translation ([`for_lang`]).

/// Everything a starter site says in one language.
pub struct Text {
    /// The language's name in itself, for `signpost.yaml`.
    pub name: &'static str,
    pub site_title: &'static str,
    pub description: &'static str,
    pub home: Page,
    pub section: Page,
    /// The guidance page: `label` then the five sections' bodies.
    pub step: Page,
    pub step_label: &'static str,
    /// Labels of the vocabulary: categories (guidance, tools), audiences
    /// (practitioners, managers), document languages (en, fr, es, ar,
    /// other).
    pub categories: [&'static str; 2],
    pub audiences: [&'static str; 2],
    pub languages: [&'static str; 5],
    /// Titles and summaries of the three example resources.
    pub titles: [&'static str; 3],
    pub summaries: [&'static str; 3],
}

pub struct Page {
    pub title: &'static str,
    pub summary: &'static str,
    pub body: &'static str,
}

/// The text for `code`, and whether it is really in that language.
pub fn for_lang(code: &str) -> (&'static Text, bool) {
    match code {
        "fr" => (&FR, true),
        "es" => (&ES, true),
        "ar" => (&AR, true),
        "en" => (&EN, true),
        _ => (&EN, false),
    }
}

const EN: Text = Text {
    name: "English",
    site_title: "My knowledge base",
    description: "Practical guidance and a library of resources.",
    home: Page {
        title: "Welcome",
        summary: "Practical guidance, step by step, and a library of selected resources.",
        body: "## What you will find here {#what}

This site brings together [step-by-step guidance](guidance/_index.md) and a library of selected resources. Start with [the first step](guidance/first-step.md).

## How to change this site {#change}

Every page is a Markdown file in the `content/` folder. Edit this one, `_index.md`, and save: `signpost serve` reloads the page in your browser.
",
    },
    section: Page {
        title: "Guidance",
        summary: "The steps of the work, in the order they are usually taken.",
        body: "Each step answers the same questions: why it matters, how it is done, the minimum and comprehensive elements, and what to keep in mind.
",
    },
    step: Page {
        title: "Plan the work",
        summary: "Find out what is needed and what already exists, then agree on a realistic plan.",
        body: "## Why is this step needed? {#why}

A plan built on a clear picture of the local situation avoids duplicating what others do and meets real needs.

## How is it done? {#how}

Start with what is already known, then fill the gaps:

- **Review** existing reports, policies and plans.
- **Talk** to the people who use and provide the services.
- **Map** who is doing what, and where.

## Minimum elements {#minimum}

- Review existing information before collecting new data.
- Agree on priorities with the authorities, in writing.

## Comprehensive elements {#comprehensive}

- Collect baseline data against which change can later be measured.
- Present the findings back to the people who took part.

## Key considerations {#key-considerations}

### Do {#do}

- Involve local partners from the first day.

### Do not {#do-not}

- Do not collect data that nobody will use.
",
    },
    step_label: "Step 1",
    categories: ["Guidance", "Tools"],
    audiences: ["Practitioners", "Managers"],
    languages: ["English", "French", "Spanish", "Arabic", "Other"],
    titles: ["Example guide", "Example checklist", "Example training manual"],
    summaries: [
        "An example entry: replace it with a guide your readers should know.",
        "An example entry: replace it with a practical tool, such as a checklist or a form.",
        "An example entry: replace it with a training manual or a course.",
    ],
};

const FR: Text = Text {
    name: "Français",
    site_title: "Ma base de connaissances",
    description: "Des conseils pratiques et une bibliothèque de ressources.",
    home: Page {
        title: "Bienvenue",
        summary: "Des conseils pratiques, étape par étape, et une bibliothèque de ressources choisies.",
        body: "## Ce que vous trouverez ici {#what}

Ce site réunit des [conseils étape par étape](guidance/_index.md) et une bibliothèque de ressources choisies. Commencez par [la première étape](guidance/first-step.md).

## Comment modifier ce site {#change}

Chaque page est un fichier Markdown du dossier `content/`. Modifiez celui-ci, `_index.md`, puis enregistrez : `signpost serve` recharge la page dans votre navigateur.
",
    },
    section: Page {
        title: "Conseils",
        summary: "Les étapes du travail, dans l’ordre où elles sont habituellement suivies.",
        body: "Chaque étape répond aux mêmes questions : pourquoi elle compte, comment la mener, les éléments minimaux et complets, et les points à garder à l’esprit.
",
    },
    step: Page {
        title: "Planifier le travail",
        summary: "Déterminer les besoins et ce qui existe déjà, puis convenir d’un plan réaliste.",
        body: "## Pourquoi cette étape est-elle nécessaire ? {#why}

Un plan fondé sur une image claire de la situation locale évite de refaire ce que d’autres font déjà et répond à de vrais besoins.

## Comment la mener ? {#how}

Partez de ce que l’on sait déjà, puis comblez les lacunes :

- **Examinez** les rapports, politiques et plans existants.
- **Parlez** avec les personnes qui utilisent et fournissent les services.
- **Cartographiez** qui fait quoi, et où.

## Éléments minimaux {#minimum}

- Examiner les informations existantes avant d’en recueillir de nouvelles.
- Convenir des priorités avec les autorités, par écrit.

## Éléments complets {#comprehensive}

- Recueillir des données de référence pour mesurer plus tard les changements.
- Présenter les résultats aux personnes qui ont participé.

## Points essentiels {#key-considerations}

### À faire {#do}

- Associer les partenaires locaux dès le premier jour.

### À éviter {#do-not}

- Ne pas recueillir de données que personne n’utilisera.
",
    },
    step_label: "Étape 1",
    categories: ["Conseils", "Outils"],
    audiences: ["Praticiens", "Responsables"],
    languages: ["anglais", "français", "espagnol", "arabe", "autres langues"],
    titles: ["Guide d’exemple", "Liste de contrôle d’exemple", "Manuel de formation d’exemple"],
    summaries: [
        "Une entrée d’exemple : remplacez-la par un guide que vos lecteurs devraient connaître.",
        "Une entrée d’exemple : remplacez-la par un outil pratique, comme une liste de contrôle ou un formulaire.",
        "Une entrée d’exemple : remplacez-la par un manuel de formation ou un cours.",
    ],
};

const ES: Text = Text {
    name: "Español",
    site_title: "Mi base de conocimientos",
    description: "Orientaciones prácticas y una biblioteca de recursos.",
    home: Page {
        title: "Bienvenida",
        summary: "Orientaciones prácticas, paso a paso, y una biblioteca de recursos seleccionados.",
        body: "## Qué encontrará aquí {#what}

Este sitio reúne [orientaciones paso a paso](guidance/_index.md) y una biblioteca de recursos seleccionados. Empiece por [el primer paso](guidance/first-step.md).

## Cómo modificar este sitio {#change}

Cada página es un archivo Markdown de la carpeta `content/`. Modifique este, `_index.md`, y guárdelo: `signpost serve` vuelve a cargar la página en su navegador.
",
    },
    section: Page {
        title: "Orientaciones",
        summary: "Los pasos del trabajo, en el orden en que suelen darse.",
        body: "Cada paso responde a las mismas preguntas: por qué importa, cómo se lleva a cabo, los elementos mínimos y completos, y qué tener en cuenta.
",
    },
    step: Page {
        title: "Planificar el trabajo",
        summary: "Averiguar qué se necesita y qué existe ya, y acordar un plan realista.",
        body: "## ¿Por qué es necesario este paso? {#why}

Un plan basado en una imagen clara de la situación local evita duplicar lo que otros ya hacen y responde a necesidades reales.

## ¿Cómo se lleva a cabo? {#how}

Parta de lo que ya se sabe y complete lo que falta:

- **Revise** los informes, políticas y planes existentes.
- **Hable** con las personas que usan y prestan los servicios.
- **Elabore un mapa** de quién hace qué y dónde.

## Elementos mínimos {#minimum}

- Revisar la información existente antes de recopilar datos nuevos.
- Acordar las prioridades con las autoridades, por escrito.

## Elementos completos {#comprehensive}

- Recopilar datos de referencia para medir más adelante los cambios.
- Presentar los resultados a las personas que participaron.

## Consideraciones clave {#key-considerations}

### Qué hacer {#do}

- Implicar a los socios locales desde el primer día.

### Qué evitar {#do-not}

- No recopilar datos que nadie vaya a utilizar.
",
    },
    step_label: "Paso 1",
    categories: ["Orientaciones", "Herramientas"],
    audiences: ["Profesionales", "Responsables"],
    languages: ["inglés", "francés", "español", "árabe", "otros idiomas"],
    titles: ["Guía de ejemplo", "Lista de verificación de ejemplo", "Manual de formación de ejemplo"],
    summaries: [
        "Una entrada de ejemplo: sustitúyala por una guía que sus lectores deberían conocer.",
        "Una entrada de ejemplo: sustitúyala por una herramienta práctica, como una lista de verificación o un formulario.",
        "Una entrada de ejemplo: sustitúyala por un manual de formación o un curso.",
    ],
};

const AR: Text = Text {
    name: "العربية",
    site_title: "قاعدة معارفي",
    description: "إرشادات عملية ومكتبة من الموارد.",
    home: Page {
        title: "مرحبًا بكم",
        summary: "إرشادات عملية خطوة بخطوة، ومكتبة من الموارد المختارة.",
        body: "## ما ستجدونه هنا {#what}

يجمع هذا الموقع [إرشادات خطوة بخطوة](guidance/_index.md) ومكتبة من الموارد المختارة. ابدؤوا [بالخطوة الأولى](guidance/first-step.md).

## كيف تعدّلون هذا الموقع {#change}

كل صفحة ملف بصيغة Markdown في المجلد `content/`. عدّلوا هذا الملف، `_index.md`، ثم احفظوه: يعيد `signpost serve` تحميل الصفحة في متصفحكم.
",
    },
    section: Page {
        title: "الإرشادات",
        summary: "خطوات العمل، بالترتيب الذي تُتّبع به عادةً.",
        body: "تجيب كل خطوة عن الأسئلة نفسها: لماذا هي مهمة، وكيف تُنفَّذ، وما العناصر الدنيا والشاملة، وما الذي ينبغي مراعاته.
",
    },
    step: Page {
        title: "تخطيط العمل",
        summary: "تحديد الاحتياجات وما هو موجود بالفعل، ثم الاتفاق على خطة واقعية.",
        body: "## لماذا هذه الخطوة ضرورية؟ {#why}

الخطة المبنية على صورة واضحة للوضع المحلي تتجنب تكرار ما يقوم به الآخرون وتلبي احتياجات حقيقية.

## كيف تُنفَّذ؟ {#how}

ابدؤوا بما هو معروف، ثم سدّوا الثغرات:

- **راجعوا** التقارير والسياسات والخطط القائمة.
- **تحدثوا** مع من يستخدمون الخدمات ومن يقدمونها.
- **ارسموا خريطة** لمن يفعل ماذا وأين.

## العناصر الدنيا {#minimum}

- مراجعة المعلومات المتاحة قبل جمع بيانات جديدة.
- الاتفاق على الأولويات مع السلطات كتابيًا.

## العناصر الشاملة {#comprehensive}

- جمع بيانات أساسية لقياس التغيير لاحقًا.
- عرض النتائج على من شاركوا فيها.

## اعتبارات أساسية {#key-considerations}

### افعلوا {#do}

- أشركوا الشركاء المحليين منذ اليوم الأول.

### لا تفعلوا {#do-not}

- لا تجمعوا بيانات لن يستخدمها أحد.
",
    },
    step_label: "الخطوة 1",
    categories: ["إرشادات", "أدوات"],
    audiences: ["الممارسون", "المديرون"],
    languages: ["الإنجليزية", "الفرنسية", "الإسبانية", "العربية", "لغات أخرى"],
    titles: ["دليل على سبيل المثال", "قائمة تحقق على سبيل المثال", "دليل تدريبي على سبيل المثال"],
    summaries: [
        "مدخل على سبيل المثال: استبدلوه بدليل ينبغي أن يعرفه قراؤكم.",
        "مدخل على سبيل المثال: استبدلوه بأداة عملية، مثل قائمة تحقق أو استمارة.",
        "مدخل على سبيل المثال: استبدلوه بدليل تدريبي أو دورة.",
    ],
};
