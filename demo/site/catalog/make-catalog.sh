#!/bin/sh
# Builds the demo's signed guide catalog (served at /catalog/catalog.json) with the `pasapas` CLI:
#   guides/aide-logement.json  the housing guide, version 1.1.0, signed       → « vérifié » with pubkey.json
#   guides/emploi.json         the job-seeker guide, version 1.1.0, unsigned  → « non vérifié »
#   guides/modifie.json        a signed guide changed after signing           → refused
# A fresh key pair each run; the private key is thrown away, only pubkey.json is kept.
# Run from the repository root: sh demo/site/catalog/make-catalog.sh
set -eu
DIR=demo/site/catalog
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$DIR/guides"
rm -f "$DIR/guides/"*.json "$DIR/catalog.json" "$DIR/pubkey.json"

node bin/pasapas.js guide keygen -o "$TMP/key.json" >/dev/null
cp "$TMP/key.pub.json" "$DIR/pubkey.json"

# Copies of the built-in guides, marked as coming from the catalog.
node -e '
const fs = require("fs");
const [src, out, id, suffix] = process.argv.slice(1);
const g = JSON.parse(fs.readFileSync(src, "utf8"));
g.id = id;
g.version = "1.1.0";
g.title.fr += " — " + suffix.split("|")[0];
g.title.en += " — " + suffix.split("|")[1];
g.publisher = { name: { fr: "Catalogue de démonstration (site fictif)", en: "Demonstration catalog (fictitious site)", ar: "فهرس تجريبي (موقع وهمي)" } };
fs.writeFileSync(out, JSON.stringify(g, null, 2) + "\n");
' public/guides/fr.demo.aide-logement.json "$TMP/aide-logement.json" fr.demo.aide-logement "catalogue signé|signed catalog"
node -e '
const fs = require("fs");
const [src, out, id, suffix] = process.argv.slice(1);
const g = JSON.parse(fs.readFileSync(src, "utf8"));
g.id = id;
g.version = "1.1.0";
g.title.fr += " — " + suffix.split("|")[0];
g.title.en += " — " + suffix.split("|")[1];
g.publisher = { name: { fr: "Catalogue de démonstration (site fictif)", en: "Demonstration catalog (fictitious site)", ar: "فهرس تجريبي (موقع وهمي)" } };
fs.writeFileSync(out, JSON.stringify(g, null, 2) + "\n");
' public/guides/fr.demo.emploi.json "$DIR/guides/emploi.json" fr.demo.emploi "catalogue, non signé|catalog, unsigned"
cp "$TMP/aide-logement.json" "$TMP/modifie.json"
node -e '
const fs = require("fs");
const f = process.argv[1];
const g = JSON.parse(fs.readFileSync(f, "utf8"));
g.id = "fr.demo.modifie";
g.title = { fr: "Guide modifié après sa signature (démo)", en: "Guide changed after signing (demo)" };
fs.writeFileSync(f, JSON.stringify(g, null, 2) + "\n");
' "$TMP/modifie.json"

node bin/pasapas.js guide sign "$TMP/aide-logement.json" --key "$TMP/key.json" -o "$DIR/guides/aide-logement.json" >/dev/null
node bin/pasapas.js guide sign "$TMP/modifie.json" --key "$TMP/key.json" -o "$DIR/guides/modifie.json" >/dev/null
# The change made after signing: one word of a step.
node -e '
const fs = require("fs");
const f = process.argv[1];
const g = JSON.parse(fs.readFileSync(f, "utf8"));
g.steps[0].body.fr = "Texte changé après la signature : ce guide doit être refusé.";
fs.writeFileSync(f, JSON.stringify(g, null, 2) + "\n");
' "$DIR/guides/modifie.json"

node bin/pasapas.js guide catalog "$DIR/guides" -o "$DIR/catalog.json" --name "Catalogue de démonstration (site fictif)" >/dev/null
node bin/pasapas.js guide verify "$DIR/guides/aide-logement.json" --pubkey "$DIR/pubkey.json"
echo "Catalogue écrit dans $DIR"
