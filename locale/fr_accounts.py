"""French for kb/accounts (network members, registration, login pages)."""

FRENCH = {
    # Model
    "Members": "Membres",
    "Pending approval": "En attente de validation",
    "Approved": "Validé",
    "Refused": "Refusé",
    "user": "utilisateur",
    "For members who work for a city.": "Pour les membres qui travaillent pour une ville.",
    "For members who work for a company or another organisation.": "Pour les membres qui travaillent pour une entreprise ou une autre organisation.",
    "The member's job or role in the organisation.": "Le poste ou la fonction du membre dans l’organisation.",
    "registered at": "inscrit le",
    "decided at": "décidé le",
    "decided by": "décidé par",
    "member profile": "profil de membre",
    "member profiles": "profils de membre",
    "The language of the e-mails the member receives.": "La langue des courriels envoyés au membre.",
    "Choose either a city or an organisation, not both.": "Choisissez une ville ou une organisation, pas les deux.",
    # Forms
    "Member organisation": "Organisation membre",
    "The city or the organisation you work for. Not in the list? Write to the network secretariat.":
        "La ville ou l’organisation pour laquelle vous travaillez. Absente de la liste ? Écrivez au secrétariat du réseau.",
    "Choose your city or organisation": "Choisissez votre ville ou votre organisation",
    "Organisations": "Organisations",
    "First name": "Prénom",
    "Last name": "Nom",
    "E-mail address": "Adresse électronique",
    "You will log in with this address.": "Vous vous connecterez avec cette adresse.",
    "Your role": "Votre fonction",
    "Your job or role in the organisation, for example: security officer.":
        "Votre poste ou votre fonction dans l’organisation, par exemple : responsable de la sécurité.",
    "An account already uses this e-mail address.": "Un compte utilise déjà cette adresse électronique.",
    "An account already uses this e-mail address. Log in, or reset your password if you forgot it.":
        "Un compte utilise déjà cette adresse électronique. Connectez-vous, ou réinitialisez votre mot de passe si vous l’avez oublié.",
    "This field must be left empty.": "Ce champ doit rester vide.",
    "Language of the e-mails": "Langue des courriels",
    "The person will log in with this address.": "La personne se connectera avec cette adresse.",
    "The city or the organisation the person works for.": "La ville ou l’organisation pour laquelle la personne travaille.",
    "Role": "Fonction",
    "Their job or role in the organisation.": "Son poste ou sa fonction dans l’organisation.",
    "Reason (optional)": "Motif (facultatif)",
    "Sent to the person in the e-mail that tells them the registration was refused.":
        "Envoyé à la personne dans le courriel qui lui annonce le refus de son inscription.",
    "This e-mail address and password do not match an account. Check them, or reset your password.":
        "Cette adresse électronique et ce mot de passe ne correspondent à aucun compte. Vérifiez-les, ou réinitialisez votre mot de passe.",
    "Your membership is awaiting approval. An editor of the network checks each registration; you will receive an e-mail when yours is approved, and you can log in then.":
        "Votre adhésion est en attente de validation. Un éditeur du réseau vérifie chaque inscription ; vous recevrez un courriel quand la vôtre sera validée, et vous pourrez alors vous connecter.",
    "Your registration was not approved, so you cannot log in. For questions, write to the network secretariat.":
        "Votre inscription n’a pas été validée : vous ne pouvez donc pas vous connecter. Pour toute question, écrivez au secrétariat du réseau.",
    # Admin
    "Invite a member": "Inviter un membre",
    "Review membership": "Examiner l’adhésion",
    "History": "Historique",
    "Review a registration": "Examiner une inscription",
    "%(member)s is now a network member.": "%(member)s est maintenant membre du réseau.",
    "The registration of %(member)s is refused.": "L’inscription de %(member)s est refusée.",
    "The e-mail to %(email)s could not be sent: the mail server refused it. Tell the person yourself.":
        "Le courriel à %(email)s n’a pas pu être envoyé : le serveur de messagerie l’a refusé. Prévenez vous-même la personne.",
    "This decision is not possible: the membership is %(status)s.": "Cette décision n’est pas possible : l’adhésion est à l’état « %(status)s ».",
    "%(member)s has been invited.": "%(member)s a été invité.",
    "Register": "S’inscrire",
    "Registered, awaiting approval": "Inscrit, en attente de validation",
    "Approve membership": "Valider l’adhésion",
    "Membership approved": "Adhésion validée",
    "Invite member": "Inviter un membre",
    "Invited by e-mail, membership approved": "Invité par courriel, adhésion validée",
    "Refuse membership": "Refuser l’adhésion",
    "Membership refused: %(reason)s": "Adhésion refusée : %(reason)s",
    "Membership refused": "Adhésion refusée",
    "The account is created already approved, in the Network members group. The person receives an e-mail with a link to choose a password.":
        "Le compte est créé déjà validé, dans le groupe des membres du réseau. La personne reçoit un courriel avec un lien pour choisir son mot de passe.",
    "Send the invitation": "Envoyer l’invitation",
    "Name": "Nom",
    "Registered": "Inscrit le",
    "%(when)s, by %(who)s": "%(when)s, par %(who)s",
    "History of this membership": "Historique de cette adhésion",
    "Decision": "Décision",
    "The person joins the Network members group and is e-mailed that they can log in.":
        "La personne rejoint le groupe des membres du réseau et reçoit un courriel lui indiquant qu’elle peut se connecter.",
    "Approve the membership": "Valider l’adhésion",
    "Refuse the registration": "Refuser l’inscription",
    # E-mails
    "Hello %(name)s,": "Bonjour %(name)s,",
    "%(editor)s has invited you to the knowledge base of urban security good practices as a network member, for %(organisation)s. Members read the entries shared with members and submit case studies.":
        "%(editor)s vous invite à rejoindre la base de connaissances des bonnes pratiques de sécurité urbaine en tant que membre du réseau, pour %(organisation)s. Les membres lisent les fiches réservées aux membres et proposent des études de cas.",
    "Choose your password here to activate your account:": "Choisissez votre mot de passe ici pour activer votre compte :",
    "The link works once and expires in a few days. If it has expired, ask for a new one with your e-mail address: %(reset_url)s":
        "Le lien ne sert qu’une fois et expire au bout de quelques jours. S’il a expiré, demandez-en un nouveau avec votre adresse électronique : %(reset_url)s",
    "You are invited to the network's knowledge base": "Vous êtes invité à rejoindre la base de connaissances du réseau",
    "An editor has approved your membership of the network, for %(organisation)s. You can now log in with your e-mail address and password, read the entries shared with members and submit case studies.":
        "Un éditeur a validé votre adhésion au réseau, pour %(organisation)s. Vous pouvez maintenant vous connecter avec votre adresse électronique et votre mot de passe, lire les fiches réservées aux membres et proposer des études de cas.",
    "Your network membership is approved": "Votre adhésion au réseau est validée",
    "An editor of the network has reviewed your registration and could not approve it.":
        "Un éditeur du réseau a examiné votre inscription et n’a pas pu la valider.",
    "The editor's reason:": "Le motif de l’éditeur :",
    "If you think this is a mistake, reply to the network secretariat.": "Si vous pensez qu’il s’agit d’une erreur, écrivez au secrétariat du réseau.",
    "Your network registration": "Votre inscription au réseau",
    "You asked for a new password for your account on the knowledge base of urban security good practices. Choose it here:":
        "Vous avez demandé un nouveau mot de passe pour votre compte sur la base de connaissances des bonnes pratiques de sécurité urbaine. Choisissez-le ici :",
    "The link works once and expires in a few days. If you did not ask for it, ignore this e-mail: your password stays as it is.":
        "Le lien ne sert qu’une fois et expire au bout de quelques jours. Si vous n’avez rien demandé, ignorez ce courriel : votre mot de passe reste inchangé.",
    "Choose a new password": "Choisissez un nouveau mot de passe",
    "Someone registered as a network member and awaits approval.": "Une personne s’est inscrite comme membre du réseau et attend votre validation.",
    "Name:": "Nom :",
    "E-mail address:": "Adresse électronique :",
    "Member organisation:": "Organisation membre :",
    "Role:": "Fonction :",
    "Check that this person works for this organisation, then approve or refuse the registration:":
        "Vérifiez que cette personne travaille pour cette organisation, puis validez ou refusez l’inscription :",
    "Registration awaiting approval: %(member)s": "Inscription en attente de validation : %(member)s",
    # Pages
    "Some answers need your attention: see the messages beside the fields below.":
        "Certaines réponses sont à revoir : voyez les messages à côté des champs ci-dessous.",
    "Log in": "Connexion",
    "Please log in to see this page.": "Connectez-vous pour voir cette page.",
    "Forgot your password?": "Mot de passe oublié ?",
    'Not a member yet? <a href="%(register_url)s">Register</a>.': 'Pas encore membre ? <a href="%(register_url)s">Inscrivez-vous</a>.',
    "Password saved": "Mot de passe enregistré",
    "Your new password is saved.": "Votre nouveau mot de passe est enregistré.",
    "Save the password": "Enregistrer le mot de passe",
    "This link no longer works": "Ce lien ne fonctionne plus",
    "The link has expired or has already been used.": "Le lien a expiré ou a déjà servi.",
    "Ask for a new link": "Demander un nouveau lien",
    "Check your e-mail": "Consultez vos courriels",
    "If an account uses the address you entered, we have sent it a link to choose a new password. It should arrive within a few minutes; check your spam folder too.":
        "Si un compte utilise l’adresse saisie, nous lui avons envoyé un lien pour choisir un nouveau mot de passe. Il devrait arriver d’ici quelques minutes ; vérifiez aussi vos indésirables.",
    "Reset your password": "Réinitialiser votre mot de passe",
    "Enter the e-mail address of your account: we will send you a link to choose a new password.":
        "Saisissez l’adresse électronique de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.",
    "Send the link": "Envoyer le lien",
    "Register as a network member": "S’inscrire comme membre du réseau",
    "Network members work for a city or an organisation of the network. They can read the entries shared with members and submit case studies. An editor checks each registration before the account can be used.":
        "Les membres du réseau travaillent pour une ville ou une organisation du réseau. Ils peuvent lire les fiches réservées aux membres et proposer des études de cas. Un éditeur vérifie chaque inscription avant que le compte puisse servir.",
    "About you": "Vous",
    "Your organisation": "Votre organisation",
    "Your password": "Votre mot de passe",
    'Already a member? <a href="%(login_url)s">Log in</a>.': 'Déjà membre ? <a href="%(login_url)s">Connectez-vous</a>.',
    "Registration received": "Inscription reçue",
    "Thank you. Your membership is awaiting approval.": "Merci. Votre adhésion est en attente de validation.",
    "An editor of the network checks that you work for the city or organisation you named.":
        "Un éditeur du réseau vérifie que vous travaillez pour la ville ou l’organisation indiquée.",
    "You receive an e-mail when your membership is approved.": "Vous recevez un courriel quand votre adhésion est validée.",
    "Then you can log in with your e-mail address and password, read the entries shared with members and submit case studies.":
        "Vous pouvez alors vous connecter avec votre adresse électronique et votre mot de passe, lire les fiches réservées aux membres et proposer des études de cas.",
    "Until then you cannot log in.": "D’ici là, vous ne pouvez pas vous connecter.",
    # Site header ("Submit a case study", "My case studies": in fr_submissions.py, shared with those pages)
    "Your account": "Votre compte",
    "Log out": "Déconnexion",
}
