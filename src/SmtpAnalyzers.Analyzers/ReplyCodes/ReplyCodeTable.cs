using System.Collections.Immutable;

namespace SmtpAnalyzers.ReplyCodes;

/// <summary>
/// The one source of truth for SMTP reply codes. The generated <c>SmtpReplyCode</c> constants,
/// every diagnostic message that names a code, and <c>docs/reply-codes.md</c> are all made from this table.
/// </summary>
/// <remarks>
/// Texts follow RFC 5321 section 4.2.2/4.2.3 and the extension RFCs. The German texts started from the
/// seed table (a German web page) and carry the corrections listed in docs/reply-codes.md.
/// </remarks>
public static class ReplyCodeTable
{
    /// <summary>All codes, ordered by value.</summary>
    public static ImmutableArray<ReplyCode> All { get; } = ImmutableArray.Create(
        new ReplyCode(211, "SystemStatus", ReplyCodeStatus.Standard,
            "System status", "System status, or system help reply",
            "System-Status", "System-Status oder System-Hilfe",
            "RFC 5321 §4.2.2, §4.2.3, §4.3.2"),
        new ReplyCode(214, "HelpMessage", ReplyCodeStatus.Standard,
            "Help message", "Help message (information on how to use the receiver or the meaning of a particular non-standard command)",
            "Hilfemeldung", "Hilfe - Informationen zum Ausführen eines Kommandos",
            "RFC 5321 §4.2.2, §4.2.3, §4.3.2"),
        new ReplyCode(220, "ServiceReady", ReplyCodeStatus.Standard,
            "Service ready", "<domain> Service ready (also the reply to STARTTLS: Ready to start TLS)",
            "Dienst bereit", "<domain> Dienst bereit (auch Antwort auf STARTTLS: bereit für TLS)",
            "RFC 5321 §3.1, §4.2.3, §4.3.2; RFC 3207 §4"),
        new ReplyCode(221, "ServiceClosingTransmissionChannel", ReplyCodeStatus.Standard,
            "Service closing transmission channel", "<domain> Service closing transmission channel",
            "Dienst beendet die Verbindung", "<domain> Dienst beendet die Verbindung",
            "RFC 5321 §4.1.1.10, §4.2.3, §4.3.2"),
        new ReplyCode(235, "AuthenticationSucceeded", ReplyCodeStatus.Extension,
            "Authentication succeeded", "Authentication Succeeded",
            "Authentifizierung erfolgreich", "Authentifizierung erfolgreich",
            "RFC 4954 §4, §6"),
        new ReplyCode(250, "Ok", ReplyCodeStatus.Standard,
            "Requested mail action okay, completed", "Requested mail action okay, completed",
            "Angeforderte Aktion ausgeführt", "Angeforderte Aktion ausgeführt, abgeschlossen",
            "RFC 5321 §4.2.2, §4.2.3, §4.3.2"),
        new ReplyCode(251, "UserNotLocalWillForward", ReplyCodeStatus.Standard,
            "User not local; will forward", "User not local; will forward to <forward-path>",
            "Empfänger nicht lokal; wird weitergeleitet", "Keine lokale Mailbox; Weiterleitung an <forward-path>",
            "RFC 5321 §3.4, §4.2.3, §4.3.2"),
        new ReplyCode(252, "CannotVerifyUserWillAttemptDelivery", ReplyCodeStatus.Standard,
            "Cannot verify user, will attempt delivery", "Cannot VRFY user, but will accept message and attempt delivery",
            "Empfänger nicht überprüfbar; Zustellung wird versucht", "Überprüfung der Empfängeradresse nicht möglich; die Nachricht wird dennoch angenommen und zugestellt",
            "RFC 5321 §3.5.3, §4.2.3, §4.3.2"),
        new ReplyCode(253, "EtrnPendingMessageCountStarted", ReplyCodeStatus.Extension,
            "Pending messages for node started", "OK, <n> pending messages for node <x> started",
            "Zustellung wartender Nachrichten gestartet", "OK, <n> wartende Nachrichten für Knoten <x>; Zustellung gestartet",
            "RFC 1985"),
        new ReplyCode(334, "AuthenticationChallenge", ReplyCodeStatus.Extension,
            "Authentication challenge", "Server challenge: the text is the base64-encoded challenge (an empty challenge is \"334 \")",
            "Authentifizierungs-Challenge", "Server-Challenge (Base64) - Authentifizierung fortsetzen",
            "RFC 4954 §4"),
        new ReplyCode(354, "StartMailInput", ReplyCodeStatus.Standard,
            "Start mail input", "Start mail input; end with <CRLF>.<CRLF>",
            "Beginn der Nachrichteneingabe", "Beginn der Nachrichteneingabe; Ende mit <CRLF>.<CRLF>",
            "RFC 5321 §4.1.1.4, §4.2.2, §4.3.2"),
        new ReplyCode(355, "CheckpointTransactionOffset", ReplyCodeStatus.Experimental,
            "Transaction offset (checkpoint/restart)", "<octet-offset> is the transaction offset",
            "Transaktions-Offset (Wiederaufnahme)", "<Oktett-Offset> ist der Transaktions-Offset",
            "RFC 1845 (experimental)"),
        new ReplyCode(421, "ServiceNotAvailable", ReplyCodeStatus.Standard,
            "Service not available, closing transmission channel", "<domain> Service not available, closing transmission channel",
            "Dienst nicht verfügbar, Verbindung wird beendet", "<domain> Dienst nicht verfügbar; Verbindung wird beendet",
            "RFC 5321 §3.8, §4.2.2, §4.2.3, §4.3.2"),
        new ReplyCode(432, "PasswordTransitionNeeded", ReplyCodeStatus.Extension,
            "A password transition is needed", "A password transition is needed",
            "Passwortumstellung erforderlich", "Eine Passwortumstellung ist erforderlich",
            "RFC 4954 §6"),
        new ReplyCode(450, "MailboxTemporarilyUnavailable", ReplyCodeStatus.Standard,
            "Mailbox unavailable (temporary)", "Requested mail action not taken: mailbox unavailable (e.g., mailbox busy or temporarily blocked for policy reasons)",
            "Mailbox vorübergehend nicht verfügbar", "Aktion nicht ausgeführt - Mailbox vorübergehend nicht verfügbar",
            "RFC 5321 §4.2.2, §4.2.3, §4.3.2"),
        new ReplyCode(451, "LocalErrorInProcessing", ReplyCodeStatus.Standard,
            "Local error in processing", "Requested action aborted: local error in processing",
            "Lokaler Verarbeitungsfehler", "Aktion abgebrochen - lokaler Fehler bei der Verarbeitung",
            "RFC 5321 §4.2.2, §4.2.3, §4.3.2"),
        new ReplyCode(452, "InsufficientSystemStorage", ReplyCodeStatus.Standard,
            "Insufficient system storage", "Requested action not taken: insufficient system storage",
            "Nicht genügend Systemspeicher", "Aktion nicht ausgeführt - nicht genügend Systemspeicher",
            "RFC 5321 §4.2.2, §4.2.3, §4.3.2, §4.5.3.1.10"),
        new ReplyCode(453, "AtrnNoMail", ReplyCodeStatus.Extension,
            "You have no mail (ATRN)", "You have no mail",
            "Keine Nachrichten vorhanden (ATRN)", "Keine Nachrichten vorhanden",
            "RFC 2645"),
        new ReplyCode(454, "TemporaryAuthenticationFailure", ReplyCodeStatus.Extension,
            "TLS not available or temporary authentication failure", "TLS not available due to temporary reason (STARTTLS) / Temporary authentication failure (AUTH)",
            "TLS oder Authentifizierung vorübergehend nicht möglich", "TLS vorübergehend nicht verfügbar (STARTTLS) / vorübergehender Authentifizierungsfehler (AUTH)",
            "RFC 3207 §4; RFC 4954 §6"),
        new ReplyCode(455, "UnableToAccommodateParameters", ReplyCodeStatus.Standard,
            "Server unable to accommodate parameters", "Server unable to accommodate parameters",
            "Parameter können nicht berücksichtigt werden", "Server kann die Parameter derzeit nicht berücksichtigen",
            "RFC 5321 §4.1.1.11, §4.2.3, §4.3.2"),
        new ReplyCode(458, "EtrnUnableToQueueMessages", ReplyCodeStatus.Extension,
            "Unable to queue messages for node", "Unable to queue messages for node <x>",
            "Nachrichten für Knoten können nicht eingereiht werden", "Nachrichten für Knoten <x> können nicht eingereiht werden",
            "RFC 1985"),
        new ReplyCode(459, "EtrnNodeNotAllowed", ReplyCodeStatus.Extension,
            "Node not allowed", "Node <x> not allowed: <reason>",
            "Knoten nicht erlaubt", "Knoten <x> nicht erlaubt: <Grund>",
            "RFC 1985"),
        new ReplyCode(500, "CommandUnrecognized", ReplyCodeStatus.Standard,
            "Syntax error, command unrecognized", "Syntax error, command unrecognized (this may include errors such as command line too long)",
            "Syntaxfehler, Kommando unbekannt", "Syntax-Fehler - Kommando unbekannt (auch: Kommandozeile zu lang)",
            "RFC 5321 §4.2.2, §4.2.3, §4.2.4, §4.3.2"),
        new ReplyCode(501, "SyntaxErrorInParameters", ReplyCodeStatus.Standard,
            "Syntax error in parameters or arguments", "Syntax error in parameters or arguments",
            "Syntaxfehler in Parametern oder Argumenten", "Syntax-Fehler - Parameter oder Argument falsch",
            "RFC 5321 §4.2.2, §4.2.3, §4.3.2"),
        new ReplyCode(502, "CommandNotImplemented", ReplyCodeStatus.Standard,
            "Command not implemented", "Command not implemented",
            "Kommando nicht implementiert", "Kommando nicht implementiert",
            "RFC 5321 §4.2.2, §4.2.3, §4.2.4, §4.3.2"),
        new ReplyCode(503, "BadCommandSequence", ReplyCodeStatus.Standard,
            "Bad sequence of commands", "Bad sequence of commands",
            "Falsche Reihenfolge der Kommandos", "Falsche Reihenfolge der Kommandos",
            "RFC 5321 §4.2.2, §4.2.3, §4.3.2"),
        new ReplyCode(504, "CommandParameterNotImplemented", ReplyCodeStatus.Standard,
            "Command parameter not implemented", "Command parameter not implemented",
            "Kommandoparameter nicht implementiert", "Parameter unbekannt / nicht implementiert",
            "RFC 5321 §4.2.2, §4.2.3, §4.3.2"),
        new ReplyCode(521, "HostDoesNotAcceptMail", ReplyCodeStatus.Standard,
            "Host does not accept mail", "Host does not accept mail",
            "Host nimmt keine E-Mails an", "Host nimmt keine E-Mails an",
            "RFC 7504 §3"),
        new ReplyCode(530, "AuthenticationRequired", ReplyCodeStatus.Extension,
            "Authentication required", "Authentication required (RFC 4954) / Must issue a STARTTLS command first (RFC 3207)",
            "Authentifizierung erforderlich", "Authentifizierung erforderlich (bzw. zuerst STARTTLS ausführen)",
            "RFC 4954 §6; RFC 3207 §4"),
        new ReplyCode(534, "AuthenticationMechanismTooWeak", ReplyCodeStatus.Extension,
            "Authentication mechanism is too weak", "Authentication mechanism is too weak",
            "Authentifizierungsmechanismus zu schwach", "Authentifizierungsmechanismus zu schwach",
            "RFC 4954 §6"),
        new ReplyCode(535, "AuthenticationCredentialsInvalid", ReplyCodeStatus.Extension,
            "Authentication credentials invalid", "Authentication credentials invalid",
            "Ungültige Zugangsdaten", "Authentifizierung fehlgeschlagen - ungültige Zugangsdaten (Benutzername/Passwort)",
            "RFC 4954 §6"),
        new ReplyCode(538, "EncryptionRequiredForAuthenticationMechanism", ReplyCodeStatus.Deprecated,
            "Encryption required for requested authentication mechanism", "Encryption required for requested authentication mechanism",
            "Verschlüsselung für den Authentifizierungsmechanismus erforderlich", "Verschlüsselung für den angeforderten Authentifizierungsmechanismus erforderlich",
            "RFC 4954 §6 (historical)"),
        new ReplyCode(550, "MailboxUnavailable", ReplyCodeStatus.Standard,
            "Mailbox unavailable", "Requested action not taken: mailbox unavailable (e.g., mailbox not found, no access, or command rejected for policy reasons)",
            "Mailbox nicht verfügbar", "Aktion nicht ausgeführt - Mailbox nicht verfügbar (z. B. nicht gefunden, kein Zugriff oder aus Richtliniengründen abgelehnt)",
            "RFC 5321 §4.2.2, §4.2.3, §4.3.2"),
        new ReplyCode(551, "UserNotLocalTryForwardPath", ReplyCodeStatus.Standard,
            "User not local; please try forward-path", "User not local; please try <forward-path>",
            "Empfänger nicht lokal; Weiterleitungsadresse versuchen", "Mailbox nicht lokal; <forward-path> versuchen",
            "RFC 5321 §3.4, §4.2.2, §4.2.3, §4.3.2"),
        new ReplyCode(552, "ExceededStorageAllocation", ReplyCodeStatus.Standard,
            "Exceeded storage allocation", "Requested mail action aborted: exceeded storage allocation",
            "Zugewiesener Speicherplatz überschritten", "Aktion abgebrochen - zugewiesener Speicherplatz überschritten",
            "RFC 5321 §4.2.2, §4.2.3, §4.3.2"),
        new ReplyCode(553, "MailboxNameNotAllowed", ReplyCodeStatus.Standard,
            "Mailbox name not allowed", "Requested action not taken: mailbox name not allowed (e.g., mailbox syntax incorrect)",
            "Mailbox-Name nicht erlaubt", "Aktion nicht ausgeführt - Mailbox-Name nicht erlaubt (Syntax inkorrekt)",
            "RFC 5321 §4.2.2, §4.2.3, §4.3.2"),
        new ReplyCode(554, "TransactionFailed", ReplyCodeStatus.Standard,
            "Transaction failed", "Transaction failed (or, in the case of a connection-opening response, \"No SMTP service here\")",
            "Transaktion fehlgeschlagen", "Transaktion fehlgeschlagen (beim Verbindungsaufbau: kein SMTP-Dienst verfügbar)",
            "RFC 5321 §3.1, §4.2.2, §4.2.3, §4.3.2"),
        new ReplyCode(555, "MailOrRcptParametersNotRecognized", ReplyCodeStatus.Standard,
            "MAIL FROM/RCPT TO parameters not recognized or not implemented", "MAIL FROM/RCPT TO parameters not recognized or not implemented",
            "MAIL-FROM/RCPT-TO-Parameter unbekannt", "Parameter von MAIL FROM/RCPT TO unbekannt oder nicht implementiert",
            "RFC 5321 §4.1.1.11, §4.2.3, §4.3.2"),
        new ReplyCode(556, "DomainDoesNotAcceptMail", ReplyCodeStatus.Standard,
            "Domain does not accept mail", "Domain does not accept mail",
            "Domain nimmt keine E-Mails an", "Domain nimmt keine E-Mails an (Null-MX)",
            "RFC 7504 §4"),
        new ReplyCode(572, "RelayNotAuthorized", ReplyCodeStatus.NonStandard,
            "Relay not authorized (non-standard)", "Relay not authorized. Non-standard: no RFC defines 572, and its second digit breaks the RFC 5321 reply-code grammar; the standard reply is 550 5.7.1",
            "Relaying nicht autorisiert (nicht standardisiert)", "Relaying nicht autorisiert. Nicht standardisiert: kein RFC definiert 572; standardkonform ist 550 5.7.1",
            "none (RFC 5321 §4.2 grammar forbids a second digit above 5)"));

    private static readonly ReplyCode?[] ByValue = BuildIndex();

    /// <summary>Looks a code up in O(1); <see langword="null"/> when the value is not in the table.</summary>
    public static ReplyCode? Find(int value) => (uint)value < (uint)ByValue.Length ? ByValue[value] : null;

    /// <summary>
    /// Parses three ASCII digits at <paramref name="start"/> of <paramref name="text"/> and looks the value up,
    /// without allocating.
    /// </summary>
    public static ReplyCode? Find(string text, int start)
    {
        if (text.Length < start + 3)
        {
            return null;
        }

        int a = text[start] - '0', b = text[start + 1] - '0', c = text[start + 2] - '0';
        if ((uint)a > 9 || (uint)b > 9 || (uint)c > 9)
        {
            return null;
        }

        return ByValue[(a * 100) + (b * 10) + c];
    }

    private static ReplyCode?[] BuildIndex()
    {
        var index = new ReplyCode?[1000];
        foreach (var code in All)
        {
            index[code.Value] = code;
        }

        return index;
    }
}
