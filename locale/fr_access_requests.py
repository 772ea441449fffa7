"""French for practices/access_requests (members ask for access to a restricted entry; its
owner organisation's editors grant or refuse it)."""

FRENCH = {
    # Model (practices/access_requests/models.py)
    "Access requests": "Demandes d’accès",
    "Awaiting a decision": "En attente de décision",
    "why access is needed": "motif de la demande d’accès",
    "requested at": "date de la demande",
    "note to the member": "note au membre",
    "access request": "demande d’accès",
    "access requests": "demandes d’accès",
    # Member side: the panel, the form, the pages
    "Request access": "Demander l’accès",
    "Ask again": "Demander à nouveau",
    "Why do you need access?": "Pourquoi avez-vous besoin d’y accéder ?",
    "Say what you work on and how this entry would help. The editors who decide read it.":
        "Dites sur quoi vous travaillez et en quoi cette fiche vous aiderait. Les éditeurs qui décident le liront.",
    "Tell the editors why you need access to this entry.":
        "Expliquez aux éditeurs pourquoi vous avez besoin d’accéder à cette fiche.",
    "This entry is shared with named groups and organisations only. The editors of the organisation that owns it decide who else may read it.":
        "Cette fiche n’est partagée qu’avec des groupes et des organisations désignés. Les éditeurs de l’organisation propriétaire décident qui d’autre peut la lire.",
    "Your request awaits a decision since <time datetime=\"%(iso)s\">%(date)s</time>. You will get an e-mail when the editors have decided.":
        "Votre demande attend une décision depuis le <time datetime=\"%(iso)s\">%(date)s</time>. Vous recevrez un courriel quand les éditeurs auront décidé.",
    "Your request was refused on <time datetime=\"%(iso)s\">%(date)s</time>.":
        "Votre demande a été refusée le <time datetime=\"%(iso)s\">%(date)s</time>.",
    "If things have changed, you can ask again.": "Si la situation a changé, vous pouvez demander à nouveau.",
    "To “%(title)s”": "À « %(title)s »",
    "Back to the entry": "Retour à la fiche",
    "Only approved network members can request access to an entry. If you registered, an editor still has to approve your account: you will get an e-mail when it is done.":
        "Seuls les membres validés du réseau peuvent demander l’accès à une fiche. Si vous vous êtes inscrit, un éditeur doit encore valider votre compte : vous recevrez un courriel quand ce sera fait.",
    "You have sent many requests in the last hour. Wait a while, then send this one again.":
        "Vous avez envoyé beaucoup de demandes depuis une heure. Patientez un peu, puis renvoyez celle-ci.",
    "Your request is sent. The editors who decide will e-mail you their answer.":
        "Votre demande est envoyée. Les éditeurs qui décident vous répondront par courriel.",
    "Your request already awaits a decision: the editors will read your new text.":
        "Votre demande attend déjà une décision : les éditeurs liront votre nouveau texte.",
    # Admin
    "Access requests (%(count)s)": "Demandes d’accès (%(count)s)",
    "Access request": "Demande d’accès",
    "Practice": "Pratique",
    "Member": "Membre",
    "Requested at": "Date de la demande",
    "Decided at": "Date de la décision",
    "edit": "modifier",
    "history": "historique",
    "Why access is needed": "Motif de la demande",
    "Note to the member": "Note au membre",
    "Optional. Sent to the member with the decision.": "Facultative. Envoyée au membre avec la décision.",
    "The member is e-mailed the decision and the note. A granted member reads the whole entry; refusing a granted request withdraws the access.":
        "Le membre reçoit la décision et la note par courriel. Un membre autorisé lit toute la fiche ; refuser une demande accordée retire l’accès.",
    "Grant access": "Accorder l’accès",
    "Refuse access": "Refuser l’accès",
    "This decision is not possible: the request is %(status)s.": "Cette décision n’est pas possible : la demande est %(status)s.",
    "%(member)s may now read “%(page)s”.": "%(member)s peut désormais lire « %(page)s ».",
    "The request of %(member)s is refused.": "La demande de %(member)s est refusée.",
    "You may not decide this request: the editors of the organisation that owns the entry decide it (or, for an entry without an owner, the editors who may publish it).":
        "Vous ne pouvez pas décider de cette demande : ce sont les éditeurs de l’organisation propriétaire de la fiche qui en décident (ou, pour une fiche sans propriétaire, les éditeurs qui peuvent la publier).",
    "Back to the access requests you may decide": "Retour aux demandes d’accès dont vous décidez",
    # Audit log
    "Access requested by %(member)s": "Accès demandé par %(member)s",
    "Access granted to %(member)s": "Accès accordé à %(member)s",
    "Access refused to %(member)s": "Accès refusé à %(member)s",
    "%(message)s: %(note)s": "%(message)s : %(note)s",
    # E-mails
    "Access request awaiting a decision: %(title)s": "Demande d’accès en attente de décision : %(title)s",
    "A network member asks to read a restricted entry that you may decide on.":
        "Un membre du réseau demande à lire une fiche restreinte dont vous pouvez décider.",
    "Entry:": "Fiche :",
    "Member:": "Membre :",
    "Why they need access:": "Motif de la demande :",
    "Grant or refuse the request in the admin:": "Accordez ou refusez la demande dans l’administration :",
    "Access granted: %(title)s": "Accès accordé : %(title)s",
    "Your request to read “%(title)s” is granted. Log in and open the entry:":
        "Votre demande de lecture de « %(title)s » est accordée. Connectez-vous et ouvrez la fiche :",
    "The editor's note:": "La note de l’éditeur :",
    "Its content describes real places: keep it within your organisation.":
        "Son contenu décrit des lieux réels : gardez-le au sein de votre organisation.",
    "Access request refused: %(title)s": "Demande d’accès refusée : %(title)s",
    "The editors who decide on “%(title)s” have refused your request to read it.":
        "Les éditeurs qui décident pour « %(title)s » ont refusé votre demande de lecture.",
    "If things change, you can ask again from the entry's page:":
        "Si la situation change, vous pouvez demander à nouveau depuis la page de la fiche :",
    "The editors who decide on the entry below have refused your request to read it.":
        "Les éditeurs qui décident pour la fiche ci-dessous ont refusé votre demande de lecture.",
    "Access request refused": "Demande d’accès refusée",
    # pgettext("access request", ...): a request (demande) is feminine.
    "access request\x04Granted": "Accordée",
    "access request\x04Refused": "Refusée",
}
