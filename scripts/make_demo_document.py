"""Render the demo participation charter (a short PDF) into portal/demo/documents.

Run once; the PDF is committed so that loading the demo needs no PDF rendering.
"""

from pathlib import Path

from weasyprint import HTML

OUT = Path(__file__).resolve().parent.parent / "portal" / "demo" / "documents"

CHARTER = """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Charte de la participation citoyenne</title>
<style>@page { size: A4; margin: 2cm; }
body { font-family: sans-serif; font-size: 11pt; line-height: 1.5; }
h1 { color: #1d5b79; }
h2 { color: #1d5b79; font-size: 13pt; margin-top: 1.2em; }</style></head><body>
<h1>Charte de la participation citoyenne</h1>
<p>Ville de Bellecombe-sur-Lauze – adoptée par le conseil municipal le 12 mars 2026.</p>
<h2>1. Dire à quoi sert la participation</h2>
<p>Chaque démarche annonce dès le départ ce qui est mis en débat, ce qui ne l’est pas,
et ce que la Ville fera des contributions.</p>
<h2>2. Répondre à chaque contribution</h2>
<p>Chaque idée, chaque avis reçoit une réponse publique et motivée de la Ville.</p>
<h2>3. Rendre compte</h2>
<p>À la fin de chaque concertation, une restitution présente les chiffres de la participation,
ce qui a été entendu, ce qui a été décidé et pourquoi.</p>
<h2>4. Aller vers toutes et tous</h2>
<p>Les démarches combinent toujours des temps en ligne et des temps en présence, dans les quartiers,
avec des supports papier et un accompagnement pour les personnes éloignées du numérique.</p>
<h2>5. Protéger les données personnelles</h2>
<p>Les contributions sont publiques, les identités ne le sont pas.
La Ville ne collecte que le strict
nécessaire et ne publie jamais les adresses électroniques.</p>
</body></html>"""

if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    HTML(string=CHARTER).write_pdf(OUT / "charte-de-la-participation.pdf", pdf_variant="pdf/ua-1")
    print("Charter written to", OUT)
