//! `signpost i18n export` and `signpost i18n import`: round trips through
//! XLIFF and PO leave the site byte for byte as it was, a changed
//! translation lands as a one-value edit and becomes current, and a bad file
//! is reported with its lines and writes nothing.
//!
//! The cases run on a copy of the bundled site, made partly outdated (a
//! changed source page, string and resource) and with a draft, so that every
//! state a unit can be in goes through the round trip.

use crate::support::{SiteTest, snapshot_tree};

/// The bundled site with something outdated in French and a draft.
fn site() -> SiteTest {
    let site = SiteTest::bundled();
    let edit = |rel: &str, old: &str, new: &str| {
        let path = site.root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(old), "{rel} has no {old:?}");
        std::fs::write(&path, text.replacen(old, new, 1)).unwrap();
    };
    edit("content/en/guidance/build-capacity.md", "Build Capacity of General", "Build the Capacity of General");
    edit("i18n/en.ftl", "open-all = Open all sections", "open-all = Open every section");
    edit("content/catalogue/resources.yaml", "An online database of national", "An online database of the national");
    let run = site.run(&["translate", "stakeholder-dialogues.md", "--lang", "fr"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    site
}

fn read(site: &SiteTest, rel: &str) -> String {
    std::fs::read_to_string(site.root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// `after` is `before` with `old` (found exactly once) replaced by `new`.
fn assert_only_change(before: &str, after: &str, old: &str, new: &str) {
    assert_eq!(before.matches(old).count(), 1, "{old:?} should be in the file once");
    assert_eq!(after, before.replacen(old, new, 1));
}

/// The target of unit `id` in an export, replaced.
fn set_target(file: &str, id: &str, format: &str, target: &str) -> String {
    let start = file.find(&format!("\"{id}\"")).unwrap_or_else(|| panic!("no unit {id}"));
    let (open, close) = if format == "po" { ("msgstr \"", "\"\n") } else { ("<target>", "</target>") };
    let (head, tail) = file.split_at(start);
    let next = tail[1..].find(if format == "po" { "\nmsgctxt" } else { "<unit " }).map_or(tail.len(), |n| n + 1);
    let (unit, rest) = tail.split_at(next);
    let at = unit.find(open).unwrap_or_else(|| panic!("no target in {unit}"));
    let end = at + unit[at..].find(close).unwrap();
    format!("{head}{}{open}{target}{}{rest}", &unit[..at], &unit[end..])
}

fn status_items(site: &SiteTest) -> serde_json::Value {
    let run = site.run(&["i18n", "status", "--lang", "fr", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    report["languages"][0]["items"].clone()
}

fn listed(items: &serde_json::Value, id: &str) -> Option<String> {
    items.as_array().unwrap().iter().find(|i| i["id"] == id).map(|i| i["state"].as_str().unwrap().to_string())
}

fn round_trip(format: &str) {
    let site = site();
    for lang in ["fr", "es", "ar"] {
        let file = format!("{lang}.{}", if format == "po" { "po" } else { "xlf" });
        let run = site.run(&["i18n", "export", "--lang", lang, "--format", format, "--out", &file]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let before = snapshot_tree(&site.root);
        let run = site.run(&["i18n", "import", &file]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stderr.contains("nothing to change"), "{}", run.stderr);
        assert!(before == snapshot_tree(&site.root), "importing {file} untouched changed the site");
    }
}

#[test]
fn xliff_round_trip_leaves_every_file_byte_identical() {
    round_trip("xliff");
}

#[test]
fn po_round_trip_leaves_every_file_byte_identical() {
    round_trip("po");
}

#[test]
fn export_marks_outdated_and_draft_units_for_review() {
    let site = site();
    let po = site.run(&["i18n", "export", "--lang", "fr", "--format", "po"]).stdout;
    assert!(po.contains("\"Language: fr\\n\"\n"));
    assert!(po.contains(
        "#. outdated: the source changed since this was translated\n#: i18n/en.ftl\n#, fuzzy\nmsgctxt \"string:open-all\"\nmsgid \"Open every section\"\nmsgstr \"Ouvrir toutes les sections\"\n"
    ));
    assert!(
        po.contains("#: i18n/en.ftl\nmsgctxt \"string:home\"\nmsgid \"Home\"\nmsgstr \"Accueil\"\n"),
        "current: not fuzzy"
    );
    assert!(po.contains("msgctxt \"resource:who-mindbank:link:0\"\nmsgid \"Database and human rights resources\"\nmsgstr \"Base de données et ressources sur les droits humains\"\n"));
    // A draft's text that is still the source's is not offered as a translation.
    assert!(po.contains("msgctxt \"page:stakeholder-dialogues.md:title\"\nmsgid \"Stakeholder workshops and policy dialogues\"\nmsgstr \"\"\n"));
    let xliff = site.run(&["i18n", "export", "--lang", "fr"]).stdout;
    assert!(
        xliff.contains(
            r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">"#
        )
    );
    assert!(xliff.contains("<unit id=\"page:guidance/build-capacity.md:title\">\n      <notes>\n        <note category=\"location\">content/en/guidance/build-capacity.md</note>\n        <note category=\"state\">outdated: the source changed since this was translated</note>\n      </notes>\n      <segment state=\"initial\">\n        <source>Build the Capacity of General Healthcare Workers</source>\n        <target>Renforcer les capacités du personnel de santé généraliste</target>"));
    // A page body comes as one unit per block, its inline Markdown as codes.
    assert!(!xliff.contains(":body\""), "every translated body lines up with its source block for block");
    let paragraph = "The guidance is organised as three steps, taken roughly in order, and three cross-cutting components that run through the whole life of a programme. An overview is on the page <pc id=\"1\" dataRefStart=\"d1o\" dataRefEnd=\"d1c\" canDelete=\"no\">The toolkit</pc>.";
    let unit = xliff.split("<unit ").find(|u| u.contains(paragraph)).expect("the paragraph's unit");
    assert!(unit.starts_with("id=\"page:_index.md:"), "{unit}");
    assert!(unit.contains("<note category=\"context\">Toolkit for the Integration of Mental Health into General Healthcare › #at-a-glance · paragraph</note>"), "{unit}");
    assert!(unit.contains("<originalData>\n        <data id=\"d1o\">[</data>\n        <data id=\"d1c\">](guidance/_index.md)</data>\n      </originalData>"), "{unit}");
    assert!(unit.contains("<target>Les orientations sont structurées"), "{unit}");
    assert!(po.contains("#. Keep each marker once, moved with its words: <1>…</1> (`[…](guidance/_index.md)`)\n#: content/en/_index.md\nmsgctxt \"page:_index.md:"));
    let run = site.run(&["i18n", "export", "--lang", "en"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("`en` is the default language"), "{}", run.stderr);
}

#[test]
fn changed_targets_land_exactly_and_become_current() {
    let site = site();
    let ftl = read(&site, "i18n/fr.ftl");
    let page = read(&site, "content/fr/guidance/assess-and-plan.md");
    let catalogue = read(&site, "content/catalogue/translations/fr.yaml");
    let sources = read(&site, "i18n/fr.sources.yaml");
    let items = status_items(&site);
    assert_eq!(listed(&items, "open-all").as_deref(), Some("outdated"));
    assert_eq!(listed(&items, "lancet-2007-global-mental-health-series").as_deref(), Some("missing"));

    let mut po = site.run(&["i18n", "export", "--lang", "fr", "--format", "po"]).stdout;
    po = set_target(&po, "string:open-all", "po", "Ouvrir chaque section");
    po = set_target(&po, "page:guidance/assess-and-plan.md:label", "po", "Étape 1 : \\\"évaluer\\\"");
    po = set_target(&po, "resource:lancet-2007-global-mental-health-series:summary", "po", "Une série d’articles.");
    site.write("fr.po", &po);
    let run = site.run(&["i18n", "import", "fr.po"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("3 texts imported, 2 translations marked as current"), "{}", run.stderr);

    assert_only_change(&ftl, &read(&site, "i18n/fr.ftl"), "= Ouvrir toutes les sections", "= Ouvrir chaque section");
    assert_only_change(
        &page,
        &read(&site, "content/fr/guidance/assess-and-plan.md"),
        "label: \"Étape 1\"",
        "label: \"Étape 1 : \\\"évaluer\\\"\"",
    );
    let new_sources = read(&site, "i18n/fr.sources.yaml");
    let old_hash = sources.lines().find(|l| l.starts_with("open-all:")).unwrap();
    let new_hash = new_sources.lines().find(|l| l.starts_with("open-all:")).unwrap();
    assert_ne!(old_hash, new_hash);
    assert_only_change(&sources, &new_sources, old_hash, new_hash);
    let new_catalogue = read(&site, "content/catalogue/translations/fr.yaml");
    let added = new_catalogue.strip_prefix(catalogue.as_str()).expect("the new entry is appended");
    assert!(
        added.starts_with(
            "\nlancet-2007-global-mental-health-series:\n  summary: >-\n    Une série d’articles.\n  source_hash: "
        ),
        "{added}"
    );

    let items = status_items(&site);
    assert_eq!(listed(&items, "open-all"), None, "the string is current");
    assert_eq!(listed(&items, "lancet-2007-global-mental-health-series"), None, "the resource is current");
    site.build();
}

#[test]
fn an_outdated_page_becomes_current_once_every_unit_is_confirmed() {
    let site = site();
    let page = read(&site, "content/fr/guidance/build-capacity.md");
    let mut xliff = site.run(&["i18n", "export", "--lang", "fr"]).stdout;
    let title = "Renforcer les capacités du personnel de santé généraliste";
    xliff =
        set_target(&xliff, "page:guidance/build-capacity.md:title", "xliff", "Renforcer les capacités des soignants");
    site.write("fr.xlf", &xliff);
    // The title changed, but the other units of the page are still to review.
    let run = site.run(&["i18n", "import", "fr.xlf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(": warning: imported, but not marked current: still marked for review `page:guidance/build-capacity.md:summary`, "),
        "{}",
        run.stderr
    );
    let edited = read(&site, "content/fr/guidance/build-capacity.md");
    assert_only_change(&page, &edited, title, "Renforcer les capacités des soignants");
    assert_eq!(listed(&status_items(&site), "guidance/build-capacity.md").as_deref(), Some("outdated"));

    // The reviewer confirms the rest: the page becomes current.
    let units: Vec<&str> = xliff.split("<unit ").collect();
    let confirmed: Vec<String> = units
        .iter()
        .map(|u| {
            if u.starts_with("id=\"page:guidance/build-capacity.md:") {
                u.replace("state=\"initial\"", "state=\"reviewed\"")
            } else {
                u.to_string()
            }
        })
        .collect();
    site.write("fr.xlf", confirmed.join("<unit "));
    let run = site.run(&["i18n", "import", "fr.xlf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("0 texts imported, 1 translation marked as current"), "{}", run.stderr);
    let current = read(&site, "content/fr/guidance/build-capacity.md");
    let old_hash = edited.lines().find(|l| l.starts_with("source_hash:")).unwrap();
    let new_hash = current.lines().find(|l| l.starts_with("source_hash:")).unwrap();
    assert_ne!(old_hash, new_hash);
    assert_only_change(&edited, &current, old_hash, new_hash);
    assert_eq!(listed(&status_items(&site), "guidance/build-capacity.md"), None);
}

#[test]
fn a_translated_draft_is_published_and_a_new_page_is_created() {
    let site = site();
    let mut po = site.run(&["i18n", "export", "--lang", "es", "--format", "po"]).stdout;
    for (field, text) in [("title", "Sobre el kit"), ("summary", "Para quién es.")] {
        po = set_target(&po, &format!("page:about.md:{field}"), "po", text);
    }
    // Every block, its markers kept: `ES` and the source's words.
    for (id, source) in block_units(&po, "about.md") {
        po = set_target(&po, &id, "po", &format!("ES {}", source.replace('"', "\\\"").replace('\n', "\\n")));
    }
    site.write("es.po", &po);
    let run = site.run(&["i18n", "import", "es.po"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let created = read(&site, "content/es/about.md");
    assert!(created.starts_with("---\ntitle: \"Sobre el kit\"\n"), "{created}");
    let source = read(&site, "content/en/about.md");
    assert!(created.contains("\n---\n\n## ES The toolkit {#toolkit}\n\nES This site presents"), "{created}");
    assert!(created.contains("; see [the toolkit](guidance/_index.md). Its"), "a link keeps its target: {created}");
    assert!(created.contains("\n- ES **Donors**: staff who"), "{created}");
    let body = |page: &str| page.split_once("\n---\n").unwrap().1.to_string();
    let unprefixed = body(&created).replace("ES ", "");
    assert_eq!(unprefixed.lines().count(), body(&source).lines().count(), "the source's layout, block for block");
    assert!(!created.contains("draft"), "{created}");
    assert_eq!(listed(&status_items(&site), "about.md"), None);

    let mut po = site.run(&["i18n", "export", "--lang", "fr", "--format", "po"]).stdout;
    po = set_target(&po, "page:stakeholder-dialogues.md:title", "po", "Ateliers et dialogues politiques");
    site.write("fr.po", &po);
    let run = site.run(&["i18n", "import", "fr.po"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(": warning: imported, but not yet current: still to translate `page:stakeholder-dialogues.md:summary`, `page:stakeholder-dialogues.md:"),
        "{}",
        run.stderr
    );
    let draft = read(&site, "content/fr/stakeholder-dialogues.md");
    assert!(draft.contains("title: \"Ateliers et dialogues politiques\"\n"));
    assert!(draft.contains("draft: true\n"), "the body is still to translate");
}

/// The block units of a page in a PO export: (id, source as one line).
fn block_units(po: &str, rel: &str) -> Vec<(String, String)> {
    let prefix = format!("msgctxt \"page:{rel}:");
    po.split("\n\n")
        .filter_map(|entry| {
            let at = entry.find(&prefix)?;
            let id = entry[at + "msgctxt \"".len()..].split('"').next()?.to_string();
            let field = id.rsplit(':').next()?;
            if ["title", "summary", "label"].contains(&field) {
                return None;
            }
            let msgid = &entry[entry.find("\nmsgid ")? + 7..entry.find("\nmsgstr ")?];
            let source: String = msgid.lines().map(|l| l.trim_matches('"')).collect();
            Some((id, source.replace("\\n", "\n").replace("\\\"", "\"")))
        })
        .collect()
}

/// Runs an import that must fail, and checks it wrote nothing.
fn import_fails(site: &SiteTest, file: &str, content: &str) -> String {
    site.write(file, content);
    let before = snapshot_tree(&site.root);
    let run = site.run(&["i18n", "import", file]);
    assert_eq!(run.code, 1, "expected content errors:\n{}", run.stderr);
    assert!(before == snapshot_tree(&site.root), "a failed import wrote something");
    run.stderr
}

const XLIFF_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fr\">\n  <file id=\"strings\">\n";

#[test]
fn unknown_ids_and_broken_fluent_are_reported_by_line_and_nothing_is_written() {
    let site = site();
    let xliff = format!(
        "{XLIFF_HEAD}\
    <unit id=\"string:home\">
      <segment state=\"translated\"><source>Home</source><target>Maison</target></segment>
    </unit>
    <unit id=\"string:no-such-string\">
      <segment><source>x</source><target>y</target></segment>
    </unit>
    <unit id=\"string:next\">
      <segment state=\"translated\">
        <source>Next</source>
        <target>{{ $count -&gt;</target>
      </segment>
    </unit>
  </file>
</xliff>
"
    );
    let stderr = import_fails(&site, "fr.xlf", &xliff);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(lines[0].starts_with("fr.xlf:7:5: error: unknown unit id `string:no-such-string`"), "{stderr}");
    assert!(lines[1].starts_with("fr.xlf:13:9: error: `string:next`: the translation is not valid Fluent"), "{stderr}");
    assert_eq!(lines[2], "import failed: 2 errors");
}

#[test]
fn a_wrong_language_is_an_error() {
    let site = site();
    let unit = "    <unit id=\"string:home\">\n      <segment><source>Home</source><target>Haus</target></segment>\n    </unit>\n  </file>\n</xliff>\n";
    let stderr =
        import_fails(&site, "de.xlf", &format!("{}{unit}", XLIFF_HEAD.replace("trgLang=\"fr\"", "trgLang=\"de\"")));
    assert!(
        stderr.starts_with("de.xlf:2:1: error: `de` is not a language of this site (languages: en, fr, es, ar)\n"),
        "{stderr}"
    );
    let stderr =
        import_fails(&site, "en.xlf", &format!("{}{unit}", XLIFF_HEAD.replace("trgLang=\"fr\"", "trgLang=\"en\"")));
    assert!(stderr.starts_with("en.xlf:2:1: error: `en` is the default language"), "{stderr}");
    let po =
        "msgid \"\"\nmsgstr \"\"\n\"Language: pt\\n\"\n\nmsgctxt \"string:home\"\nmsgid \"Home\"\nmsgstr \"Início\"\n";
    let stderr = import_fails(&site, "pt.po", po);
    assert!(stderr.starts_with("pt.po:2:1: error: `pt` is not a language of this site"), "{stderr}");
}

#[test]
fn broken_xml_and_po_are_reported_by_line() {
    let site = site();
    let xliff = format!(
        "{XLIFF_HEAD}    <unit id=\"string:home\">\n      <segment><source>Home</source><target>Maison</targt></segment>\n    </unit>\n  </file>\n</xliff>\n"
    );
    let stderr = import_fails(&site, "fr.xlf", &xliff);
    assert!(stderr.starts_with("fr.xlf:5:"), "{stderr}");
    assert!(stderr.contains("error: broken XML:"), "{stderr}");
    let stderr = import_fails(&site, "fr2.xlf", &format!("{XLIFF_HEAD}    <unit id=\"string:home\">\n"));
    assert!(stderr.contains("error: broken XML:"), "{stderr}");

    let po = "msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\nmsgctxt \"string:home\"\nmsgid \"Home\"\nmsgstr \"Maison\n\nmsgctxt \"string:next\"\nmsgid \"Next\"\nmsgstr \"Suivant\" extra\n\nmsgid \"No context\"\nmsgstr \"Sans contexte\"\n";
    let stderr = import_fails(&site, "fr.po", po);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines[0], "fr.po:7:15: error: the string is not closed: add a `\"`", "{stderr}");
    assert_eq!(lines[1], "fr.po:11:17: error: text after the closing quote", "{stderr}");
    assert!(lines[2].starts_with("fr.po:13:1: error: an entry without msgctxt"), "{stderr}");
}

#[test]
fn a_new_page_needs_a_title() {
    let site = site();
    let export = site.run(&["i18n", "export", "--lang", "es", "--format", "po"]).stdout;
    let (id, _) = block_units(&export, "about.md").remove(0);
    let po = format!(
        "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\nmsgctxt \"{id}\"\nmsgid \"About\"\nmsgstr \"Acerca de\"\n"
    );
    let stderr = import_fails(&site, "es.po", &po);
    assert!(
        stderr.starts_with("es.po:5:1: error: content/es/about.md does not exist yet: a new page needs a title"),
        "{stderr}"
    );
}

#[test]
fn a_translation_of_an_older_source_is_imported_but_stays_outdated() {
    let site = site();
    let mut po = site.run(&["i18n", "export", "--lang", "fr", "--format", "po"]).stdout;
    po = set_target(&po, "string:home", "po", "Page d’accueil");
    site.write("fr.po", &po);
    let ftl = read(&site, "i18n/en.ftl");
    site.write("i18n/en.ftl", ftl.replacen("home = Home", "home = Start", 1));
    let run = site.run(&["i18n", "import", "fr.po"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = po.lines().position(|l| l == "msgctxt \"string:home\"").unwrap() + 1;
    assert!(
        run.stderr.starts_with(&format!(
            "fr.po:{line}:1: warning: `string:home`: the source changed since this file was exported"
        )),
        "{}",
        run.stderr
    );
    assert!(read(&site, "i18n/fr.ftl").contains("\nhome = Page d’accueil\n"));
    assert_eq!(listed(&status_items(&site), "home").as_deref(), Some("outdated"));
}

#[test]
fn crlf_and_byte_order_mark_are_kept() {
    let site = site();
    let rel = "content/fr/guidance/assess-and-plan.md";
    let crlf = format!("\u{feff}{}", read(&site, rel).replace('\n', "\r\n"));
    site.write(rel, &crlf);
    let xliff = site.run(&["i18n", "export", "--lang", "fr"]).stdout;
    site.write("fr.xlf", &xliff);
    let before = snapshot_tree(&site.root);
    assert_eq!(site.run(&["i18n", "import", "fr.xlf"]).code, 0);
    assert!(before == snapshot_tree(&site.root), "an untouched round trip changed a CRLF file");
    site.write(
        "fr.xlf",
        set_target(&xliff, "page:guidance/assess-and-plan.md:title", "xliff", "Évaluer &amp; planifier"),
    );
    let run = site.run(&["i18n", "import", "fr.xlf"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let title = "title: \"Évaluer et planifier l'intégration de la santé mentale\"\r\n";
    assert_only_change(&crlf, &read(&site, rel), title, "title: \"Évaluer & planifier\"\r\n");
}

#[test]
fn a_target_prefilled_with_its_source_is_no_translation() {
    let site = site();
    let xliff = site.run(&["i18n", "export", "--lang", "es"]).stdout;
    // Tools may copy the source into an empty target.
    let fill = |xliff: &str, id: &str, source: &str, state: &str| {
        let unit = format!("<segment state=\"initial\">\n        <source>{source}</source>\n");
        let at = xliff.find(&format!("<unit id=\"{id}\">")).unwrap();
        let (head, tail) = xliff.split_at(at);
        let filled = tail.replacen(
            &unit,
            &format!(
                "<segment state=\"{state}\">\n        <source>{source}</source>\n        <target>{source}</target>\n"
            ),
            1,
        );
        assert_ne!(filled, tail);
        format!("{head}{filled}")
    };
    let page = ("page:about.md:title", "About this toolkit and this site");
    let resource = ("resource:lancet-2007-global-mental-health-series:title", "Global Mental Health Series");
    site.write("es.xlf", fill(&fill(&xliff, page.0, page.1, "initial"), resource.0, resource.1, "initial"));
    let before = snapshot_tree(&site.root);
    let catalogue = read(&site, "content/catalogue/translations/es.yaml");
    let run = site.run(&["i18n", "import", "es.xlf"]);
    assert!(run.stderr.contains("nothing to change"), "{}", run.stderr);
    assert!(before == snapshot_tree(&site.root));
    // Confirmed, it is a translation (a title that is the same in Spanish),
    // but a resource's title in the source language never is.
    site.write("es.xlf", fill(&fill(&xliff, page.0, page.1, "final"), resource.0, resource.1, "final"));
    let run = site.run(&["i18n", "import", "es.xlf"]);
    assert!(run.stderr.contains("1 text imported"), "{}", run.stderr);
    assert!(read(&site, "content/es/about.md").starts_with("---\ntitle: \"About this toolkit and this site\"\n"));
    assert_eq!(read(&site, "content/catalogue/translations/es.yaml"), catalogue);
}

/// Runs `tests/tools/translate_unit.py` (translate-toolkit for XLIFF, polib
/// for PO; installed by `scripts/setup.sh`) on an export in the site.
fn translate_with_tool(site: &SiteTest, file: &str, id: &str) {
    let python = crate::support::repo().join("target/tools-venv/bin/python");
    assert!(python.exists(), "{} is missing: run scripts/setup.sh", python.display());
    let script = crate::support::repo().join("tests/tools/translate_unit.py");
    let run = std::process::Command::new(python).arg(script).arg(site.root.join(file)).arg(id).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
}

/// A translation tool's library reads the export, translates one paragraph
/// with a link (its code kept) and saves; the import changes that
/// paragraph only, the link's target kept.
fn one_paragraph_through_a_tool(format: &str, file: &str) {
    let site = site();
    let rel = "content/fr/_index.md";
    let page = read(&site, rel);
    let run = site.run(&["i18n", "export", "--lang", "fr", "--format", format, "--out", file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let po = site.run(&["i18n", "export", "--lang", "fr", "--format", "po"]).stdout;
    let (id, _) = block_units(&po, "_index.md")
        .into_iter()
        .find(|(_, source)| source.ends_with("An overview is on the page <1>The toolkit</1>."))
        .expect("the paragraph with a link");
    translate_with_tool(&site, file, &id);
    let run = site.run(&["i18n", "import", file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("1 text imported"), "{}", run.stderr);
    let old = page.lines().find(|l| l.starts_with("Les orientations sont structurées")).unwrap();
    assert_only_change(
        &page,
        &read(&site, rel),
        old,
        "THE GUIDANCE IS ORGANISED AS THREE STEPS, TAKEN ROUGHLY IN ORDER, AND THREE CROSS-CUTTING COMPONENTS THAT RUN THROUGH THE WHOLE LIFE OF A PROGRAMME. AN OVERVIEW IS ON THE PAGE [THE TOOLKIT](guidance/_index.md).",
    );
    site.build();
}

#[test]
fn a_paragraph_translated_in_translate_toolkit_changes_only_that_paragraph() {
    one_paragraph_through_a_tool("xliff", "fr.xlf");
}

#[test]
fn a_paragraph_translated_with_polib_changes_only_that_paragraph() {
    one_paragraph_through_a_tool("po", "fr.po");
}

#[test]
fn block_ids_stay_when_another_paragraph_changes() {
    let site = site();
    let ids = |site: &SiteTest| -> Vec<String> {
        block_units(
            &site.run(&["i18n", "export", "--lang", "fr", "--format", "po"]).stdout,
            "guidance/assess-and-plan.md",
        )
        .into_iter()
        .map(|(id, _)| id)
        .collect()
    };
    let before = ids(&site);
    let rel = "content/en/guidance/assess-and-plan.md";
    site.write(rel, read(&site, rel).replacen("Start with what is already known.", "Start with what is known.", 1));
    let after = ids(&site);
    assert_eq!(before.len(), after.len());
    let changed: Vec<usize> = (0..before.len()).filter(|&n| before[n] != after[n]).collect();
    assert_eq!(changed.len(), 1, "only the edited paragraph's id changes: {before:?} {after:?}");
}

#[test]
fn a_broken_inline_code_is_refused_with_its_unit_and_line() {
    let site = site();
    let po = site.run(&["i18n", "export", "--lang", "fr", "--format", "po"]).stdout;
    let (id, _) = block_units(&po, "_index.md")
        .into_iter()
        .find(|(_, source)| source.ends_with("<1>The toolkit</1>."))
        .expect("the paragraph with a link");
    let broken = set_target(&po, &id, "po", "Une vue d’ensemble figure sur la page <1>La boîte à outils.");
    let line = broken.lines().position(|l| l.starts_with("msgstr \"Une vue")).unwrap() + 1;
    let stderr = import_fails(&site, "fr.po", &broken);
    assert!(stderr.starts_with(&format!("fr.po:{line}:1: error: `{id}`: <1> is not closed with </1>\n")), "{stderr}");
    let dropped = set_target(&po, &id, "po", "Une vue d’ensemble figure sur la page La boîte à outils.");
    let stderr = import_fails(&site, "fr.po", &dropped);
    assert!(
        stderr.contains(&format!("`{id}`: the translation leaves out <1>…</1> (`[…](guidance/_index.md)`)")),
        "{stderr}"
    );
}

#[test]
fn a_new_language_gets_its_site_title_and_vocabulary_labels_from_a_tool() {
    let site = site();
    let config = read(&site, "signpost.yaml");
    site.write(
        "signpost.yaml",
        config.replacen("theme: default", "  - code: pt\n    name: Português\ntheme: default", 1),
    );
    let build = site.build();
    let missing = build.stderr.matches("has no pt label").count();
    assert!(missing >= 15, "the vocabulary has no Portuguese labels yet: {}", build.stderr);
    let run = site.run(&["i18n", "export", "--lang", "pt", "--format", "po", "--out", "pt.po"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut po = read(&site, "pt.po");
    let ids: Vec<String> = po
        .lines()
        .filter_map(|l| l.strip_prefix("msgctxt \""))
        .map(|l| l.trim_end_matches('"').to_string())
        .filter(|id| id.starts_with("site:") || id.starts_with("vocabulary:"))
        .collect();
    assert!(ids.len() > missing, "{ids:?}");
    for id in &ids {
        po = set_target(&po, id, "po", &format!("PT {id}"));
    }
    site.write("pt.po", &po);
    let vocabulary = read(&site, "content/catalogue/vocabulary.yaml");
    let run = site.run(&["i18n", "import", "pt.po"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(read(&site, "signpost.yaml").contains(
        "  - code: pt\n    name: Português\n    title: PT site:title\n    description: PT site:description\n"
    ));
    // Each label gained its Portuguese text, and nothing else changed.
    let mut added = read(&site, "content/catalogue/vocabulary.yaml");
    for id in ids.iter().filter(|id| id.starts_with("vocabulary:")) {
        let label = format!(", pt: \"PT {id}\"}}");
        assert_eq!(added.matches(&label).count(), 1, "{label}");
        added = added.replacen(&label, "}", 1);
    }
    assert_eq!(added, vocabulary);
    let build = site.build();
    assert!(!build.stderr.contains("has no pt label"), "{}", build.stderr);
    assert!(site.page("pt/index.html").contains("PT site:title"));
}

#[test]
fn alternative_titles_travel_one_per_line_and_are_found_by_search() {
    let site = site();
    let mut po = site.run(&["i18n", "export", "--lang", "fr", "--format", "po"]).stdout;
    let id = "resource:iasc-2007-mhpss-guidelines:alternative_titles";
    assert!(po.contains(&format!("msgctxt \"{id}\"\nmsgid \"IASC MHPSS Guidelines\"\nmsgstr \"\"\n")));
    po = set_target(&po, id, "po", "Directives du CPI sur la SMSPS\\nLignes directrices CPI");
    site.write("fr.po", &po);
    let run = site.run(&["i18n", "import", "fr.po"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let catalogue = read(&site, "content/catalogue/translations/fr.yaml");
    assert!(
        catalogue.contains("  alternative_titles: [\"Directives du CPI sur la SMSPS\", \"Lignes directrices CPI\"]\n")
            || catalogue.contains(
                "  alternative_titles:\n    - \"Directives du CPI sur la SMSPS\"\n    - \"Lignes directrices CPI\"\n"
            ),
        "{catalogue}"
    );
    site.build();
    let found = site.run(&["search", "lignes directrices CPI", "--lang", "fr"]).stdout;
    let first = found.lines().find(|l| l.trim_start().starts_with("/fr/")).unwrap_or_default();
    assert_eq!(first.trim(), "/fr/resources/iasc-2007-mhpss-guidelines/", "{found}");
}
