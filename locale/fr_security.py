"""French for the security pages: login lockout, two-factor authentication (kb/accounts,
kb/security)."""

FRENCH = {
    "Security": "Sécurité",
    # Login rate limiting (kb/accounts/lockout.py)
    (
        "Too many failed attempts to log in with this account or from your network. For your security, "
        "logging in is paused for %(minutes)d minute. Try again then, or reset your password.",
        "Too many failed attempts to log in with this account or from your network. For your security, "
        "logging in is paused for %(minutes)d minutes. Try again then, or reset your password.",
    ): (
        "Trop de tentatives de connexion ont échoué avec ce compte ou depuis votre réseau. Par sécurité, "
        "la connexion est suspendue pendant %(minutes)d minute. Réessayez ensuite, ou réinitialisez votre mot de passe.",
        "Trop de tentatives de connexion ont échoué avec ce compte ou depuis votre réseau. Par sécurité, "
        "la connexion est suspendue pendant %(minutes)d minutes. Réessayez ensuite, ou réinitialisez votre mot de passe.",
    ),
    # Two-factor authentication (kb/accounts/two_factor.py and its templates)
    "Code": "Code",
    "The 6-digit code your authenticator app shows now.": "Le code à 6 chiffres qu’affiche maintenant votre application d’authentification.",
    "The code is made of digits only.": "Le code ne contient que des chiffres.",
    "Too many wrong codes in a row. Wait a few seconds, then enter the code your app shows now.":
        "Trop de codes erronés d’affilée. Attendez quelques secondes, puis saisissez le code qu’affiche maintenant votre application.",
    "This code cannot be checked now. Try again in a minute.": "Ce code ne peut pas être vérifié pour le moment. Réessayez dans une minute.",
    "This code is not the right one, or it has expired. Enter the code your app shows now.":
        "Ce code n’est pas le bon, ou il a expiré. Saisissez le code qu’affiche maintenant votre application.",
    "Authenticator app": "Application d’authentification",
    "Two-factor authentication": "Authentification à deux facteurs",
    "Editors' accounts are protected by a second factor. Open the authenticator app on your phone and enter the code it shows for this site.":
        "Les comptes des éditeurs sont protégés par un second facteur. Ouvrez l’application d’authentification de votre téléphone et saisissez le code qu’elle affiche pour ce site.",
    "Confirm": "Confirmer",
    "Lost your phone? Ask an administrator of the site to reset your two-factor authentication.":
        "Téléphone perdu ? Demandez à un administrateur du site de réinitialiser votre authentification à deux facteurs.",
    "Set up two-factor authentication": "Configurer l’authentification à deux facteurs",
    "Editors' accounts are protected by a second factor: a code from an authenticator app on your phone (for example FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator), asked once per session after your password.":
        "Les comptes des éditeurs sont protégés par un second facteur : un code d’une application d’authentification sur votre téléphone (par exemple FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator), demandé une fois par session après votre mot de passe.",
    "In the app, add an account and scan this QR code:": "Dans l’application, ajoutez un compte et scannez ce code QR :",
    "QR code to scan with your authenticator app": "Code QR à scanner avec votre application d’authentification",
    "Or, if you cannot scan it, type this key in the app (time-based):":
        "Ou, si vous ne pouvez pas le scanner, saisissez cette clé dans l’application (basée sur le temps) :",
    "Enter the code the app now shows, to confirm.": "Saisissez le code qu’affiche maintenant l’application, pour confirmer.",
    # Audit log (kb/accounts/wagtail_hooks.py)
    "Authenticator app set up": "Application d’authentification configurée",
    "Reset two-factor authentication": "Réinitialiser l’authentification à deux facteurs",
    "Authenticator removed by an administrator": "Application d’authentification retirée par un administrateur",
}
