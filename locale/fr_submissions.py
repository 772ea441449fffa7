"""French for practices/submissions (case studies submitted by members, their review)."""

FRENCH = {
    "Case study submissions": "Études de cas soumises",
    # Models and statuses
    "answers": "réponses",
    "created at": "créée le",
    "updated at": "modifiée le",
    "rejected at": "refusée le",
    "rejected by": "refusée par",
    "reason for rejection": "motif du refus",
    "case study": "étude de cas",
    "case studies": "études de cas",
    "member": "membre",
    "practice page": "page de la pratique",
    "Untitled case study": "Étude de cas sans titre",
    "Draft": "Brouillon",
    "In review": "En relecture",
    "Changes requested": "Modifications demandées",
    "Published": "Publiée",
    "Rejected": "Refusée",
    "commercial interest declared": "intérêt commercial déclaré",
    "details of the commercial interest": "précisions sur l’intérêt commercial",
    "Whether the submitting company has a commercial interest in the measures described.":
        "Si l’entreprise qui soumet l’étude a un intérêt commercial dans les mesures décrites.",
    "Commercial interest": "Intérêt commercial",
    "Commercial interest of the submitter": "Intérêt commercial de l’auteur",
    "None declared": "Aucun déclaré",
    # Audit log and admin
    "Reject case study…": "Refuser l’étude de cas…",
    "Reject case study": "Refuser l’étude de cas",
    "Save case study draft": "Enregistrer le brouillon d’une étude de cas",
    "Case study draft saved": "Brouillon d’étude de cas enregistré",
    "Submit case study": "Soumettre une étude de cas",
    "Case study submitted for review": "Étude de cas soumise à relecture",
    "Case study rejected": "Étude de cas refusée",
    "Reason for rejection": "Motif du refus",
    "Sent to the member by e-mail and shown in their list of case studies.":
        "Envoyé au membre par courriel et affiché dans sa liste d’études de cas.",
    "Only a case study in review can be rejected.": "Seule une étude de cas en relecture peut être refusée.",
    "The case study “%(title)s” is rejected; the member was told why.":
        "L’étude de cas « %(title)s » est refusée ; le membre en a reçu le motif.",
    "The review ends and %(member)s is told the reason by e-mail. The draft page stays unpublished.":
        "La relecture s’arrête et %(member)s reçoit le motif par courriel. Le brouillon de la page reste non publié.",
    "Cancel": "Annuler",
    "Case study %(id)s: image": "Étude de cas %(id)s : image",
    "Case study %(id)s: document": "Étude de cas %(id)s : document",
    # Uploads
    "This file is not a JPEG, PNG or WebP image. Upload a photo or a picture in one of these formats.":
        "Ce fichier n’est pas une image JPEG, PNG ou WebP. Envoyez une photo ou une image dans l’un de ces formats.",
    "This image is larger than 10 MB. Reduce its size and upload it again.":
        "Cette image dépasse 10 Mo. Réduisez sa taille et envoyez-la de nouveau.",
    "This image has more than 40 megapixels. Reduce its dimensions and upload it again.":
        "Cette image dépasse 40 mégapixels. Réduisez ses dimensions et envoyez-la de nouveau.",
    "This document is larger than 20 MB. Reduce its size and upload it again.":
        "Ce document dépasse 20 Mo. Réduisez sa taille et envoyez-le de nouveau.",
    "This file is not a PDF document. Only PDF documents can be attached.":
        "Ce fichier n’est pas un document PDF. Seuls les documents PDF peuvent être joints.",
    # The form
    "This field is required.": "Ce champ est obligatoire.",
    "Title": "Titre",
    "Summary": "Résumé",
    "A short name for the practice.": "Un nom court pour la pratique.",
    "Plain text, at most 600 characters: shown on cards and in search results.":
        "Texte simple, 600 caractères au plus : affiché sur les fiches et dans les résultats de recherche.",
    "Language of the case study": "Langue de l’étude de cas",
    "Access level asked for": "Niveau d’accès demandé",
    "Who may read the published entry. Editors confirm it.": "Qui pourra lire la fiche publiée. Les éditeurs le confirment.",
    "Further cities": "Autres villes",
    "Free keywords separated by commas: CCTV, lighting, crowd management...":
        "Mots-clés libres séparés par des virgules : vidéoprotection, éclairage, gestion des foules…",
    "Start year": "Année de début",
    "End year": "Année de fin",
    "Cost band": "Tranche de coût",
    "Public share of funding (%)": "Part publique du financement (%)",
    "Does your company have a commercial interest in the measures described?":
        "Votre entreprise a-t-elle un intérêt commercial dans les mesures décrites ?",
    "Details of the commercial interest": "Précisions sur l’intérêt commercial",
    "For example: your company sells or operates the equipment described.":
        "Par exemple : votre entreprise vend ou exploite l’équipement décrit.",
    "Yes": "Oui",
    "No": "Non",
    "Organisation": "Organisation",
    "Sector": "Secteur",
    "Needed only for an organisation the knowledge base does not know yet.":
        "Seulement pour une organisation que la base ne connaît pas encore.",
    "E-mail": "Courriel",
    "Phone": "Téléphone",
    "Address": "Adresse",
    "Alternative text": "Texte alternatif",
    "Caption": "Légende",
    "Description": "Description",
    "Remove this image": "Retirer cette image",
    "Remove this document": "Retirer ce document",
    "Image": "Image",
    "JPEG, PNG or WebP, at most 10 MB and 40 megapixels.": "JPEG, PNG ou WebP, 10 Mo et 40 mégapixels au plus.",
    "Document": "Document",
    "PDF, at most 20 MB.": "PDF, 20 Mo au plus.",
    "The case study": "L’étude de cas",
    "The practice": "La pratique",
    "Evidence, years and cost": "Preuves, années et coût",
    "Partners and their roles": "Partenaires et leurs rôles",
    "Images": "Images",
    "Documents": "Documents",
    "Give at most %(count)s topics.": "Donnez au plus %(count)s sujets.",
    "Describe the commercial interest.": "Décrivez l’intérêt commercial.",
    "Say whether your company has a commercial interest.": "Indiquez si votre entreprise a un intérêt commercial.",
    "Name at least one partner and its role.": "Nommez au moins un partenaire et son rôle.",
    "Give at least one source: a report, an article or a web page.":
        "Donnez au moins une source : un rapport, un article ou une page web.",
    "This organisation is new to the knowledge base: give its sector.":
        "Cette organisation est nouvelle dans la base : indiquez son secteur.",
    "Say what this partner did.": "Dites ce que ce partenaire a fait.",
    "Choose or name the organisation that played this role.": "Choisissez ou nommez l’organisation qui a joué ce rôle.",
    "Give the address of this source.": "Donnez l’adresse de cette source.",
    "Give the title of this source.": "Donnez le titre de cette source.",
    "Give the name of this contact.": "Donnez le nom de ce contact.",
    "Describe what the image shows.": "Décrivez ce que montre l’image.",
    "The end year cannot be before the start year.": "L’année de fin ne peut pas précéder l’année de début.",
    "Leave this field empty": "Laissez ce champ vide",
    "Your draft is saved. You can come back to it from “My case studies”.":
        "Votre brouillon est enregistré. Vous pouvez le reprendre depuis « Mes études de cas ».",
    "“%(title)s” cannot be changed now: it is %(status)s.": "« %(title)s » ne peut pas être modifiée maintenant : elle est %(status)s.",
    # Pages
    "Submit a case study": "Soumettre une étude de cas",
    "Edit your case study": "Modifier votre étude de cas",
    "My case studies": "Mes études de cas",
    "Status: %(status)s.": "Statut : %(status)s.",
    "Describe a practice your organisation took part in. “Save draft” keeps what you wrote, even unfinished; “Submit” sends it to the editors, who may ask for changes before it is published.":
        "Décrivez une pratique à laquelle votre organisation a pris part. « Enregistrer le brouillon » garde ce que vous avez écrit, même inachevé ; « Soumettre » l’envoie aux éditeurs, qui peuvent demander des modifications avant publication.",
    ("You can do this %(limit)s time an hour. Your answers are below, as you typed them: wait a while, then send them again (choose any files again).",
     "You can do this %(limit)s times an hour. Your answers are below, as you typed them: wait a while, then send them again (choose any files again)."):
        ("Vous pouvez le faire %(limit)s fois par heure. Vos réponses sont ci-dessous, telles que vous les avez saisies : attendez un moment, puis envoyez-les de nouveau (choisissez de nouveau les fichiers).",
         "Vous pouvez le faire %(limit)s fois par heure. Vos réponses sont ci-dessous, telles que vous les avez saisies : attendez un moment, puis envoyez-les de nouveau (choisissez de nouveau les fichiers)."),
    "Some answers need your attention: see the messages beside the fields below. Everything else you typed is kept.":
        "Certaines réponses demandent votre attention : voyez les messages à côté des champs ci-dessous. Tout ce que vous avez saisi par ailleurs est conservé.",
    "Type each organisation’s name: known organisations are suggested. For one the knowledge base does not know yet, give its sector too; it is added when you submit, and editors check it.":
        "Saisissez le nom de chaque organisation : les organisations connues sont proposées. Pour une organisation que la base ne connaît pas encore, indiquez aussi son secteur ; elle est ajoutée à la soumission, et les éditeurs la vérifient.",
    "Partner %(n)s": "Partenaire %(n)s",
    "Contact %(n)s": "Contact %(n)s",
    "Source %(n)s": "Source %(n)s",
    "Attached image %(n)s": "Image jointe %(n)s",
    "New image %(n)s": "Nouvelle image %(n)s",
    "Attached document %(n)s": "Document joint %(n)s",
    "New document %(n)s": "Nouveau document %(n)s",
    "Personal data: shown to signed-in network members only.":
        "Données personnelles : affichées seulement aux membres du réseau connectés.",
    "Location data (EXIF, GPS) is removed from every image before it is stored.":
        "Les données de localisation (EXIF, GPS) sont retirées de chaque image avant son enregistrement.",
    "Your declaration is shown on the published entry, so that readers can tell a case study from a sales pitch.":
        "Votre déclaration est affichée sur la fiche publiée, pour que les lecteurs distinguent une étude de cas d’un argumentaire commercial.",
    "Save draft": "Enregistrer le brouillon",
    "Submit for review": "Soumettre à relecture",
    "Status:": "Statut :",
    "last changed": "dernière modification",
    "Editors’ comments": "Commentaires des éditeurs",
    "Reason for rejection:": "Motif du refus :",
    "Edit": "Modifier",
    "See the published practice": "Voir la pratique publiée",
    "You have not written a case study yet.": "Vous n’avez pas encore écrit d’étude de cas.",
    "For network members": "Réservé aux membres du réseau",
    "Only approved network members can submit case studies. If you registered, an editor still has to approve your account: you will get an e-mail when it is done.":
        "Seuls les membres validés du réseau peuvent soumettre des études de cas. Si vous vous êtes inscrit, un éditeur doit encore valider votre compte : vous recevrez un courriel quand ce sera fait.",
    "Not sent": "Non envoyé",
    "The form came back with a field filled in that people never see, so it looks automated: nothing was stored. If you are a person, go back and send it again.":
        "Le formulaire est revenu avec un champ rempli que personne ne voit : il semble automatisé, rien n’a été enregistré. Si vous êtes une personne, revenez en arrière et envoyez-le de nouveau.",
    "Case study submitted": "Étude de cas soumise",
    "“%(title)s” is with the editors. You will get an e-mail when they publish it or ask for changes.":
        "« %(title)s » est chez les éditeurs. Vous recevrez un courriel quand ils la publieront ou demanderont des modifications.",
    "Practices that look similar": "Pratiques qui semblent proches",
    "If one of these describes the same work, tell the editors in a comment when they contact you.":
        "Si l’une d’elles décrit le même travail, dites-le aux éditeurs quand ils vous contacteront.",
    # E-mails
    "Changes requested: %(title)s": "Modifications demandées : %(title)s",
    "The editors read your case study “%(title)s” and ask for changes before they publish it.":
        "Les éditeurs ont lu votre étude de cas « %(title)s » et demandent des modifications avant de la publier.",
    "Their comment:": "Leur commentaire :",
    "Edit and submit it again here:": "Modifiez-la et soumettez-la de nouveau ici :",
    "All your case studies:": "Toutes vos études de cas :",
    "Not published: %(title)s": "Non publiée : %(title)s",
    "The editors decided not to publish your case study “%(title)s”.":
        "Les éditeurs ont décidé de ne pas publier votre étude de cas « %(title)s ».",
    "Their reason:": "Leur motif :",
    "Published: %(title)s": "Publiée : %(title)s",
    "Your case study “%(title)s” is published. Thank you for sharing it.":
        "Votre étude de cas « %(title)s » est publiée. Merci de l’avoir partagée.",
}
