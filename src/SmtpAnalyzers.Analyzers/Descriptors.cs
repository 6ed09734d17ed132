using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers;

/// <summary>All diagnostic descriptors, with titles and messages from the localized resources.</summary>
public static class Descriptors
{
    private const string Category = "SMTP";

    public static readonly DiagnosticDescriptor SMTP001MagicReplyCode = Create(
        RuleIdentifiers.MagicReplyCode,
        nameof(Resources.SMTP001Title),
        nameof(Resources.SMTP001Message),
        nameof(Resources.SMTP001Description),
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SMTP002MagicReplyString = Create(
        RuleIdentifiers.MagicReplyString,
        nameof(Resources.SMTP002Title),
        nameof(Resources.SMTP002Message),
        nameof(Resources.SMTP002Description),
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SMTP003ReplyCodeContext = Create(
        RuleIdentifiers.ReplyCodeContext,
        nameof(Resources.SMTP003Title),
        nameof(Resources.SMTP003Message),
        nameof(Resources.SMTP003Description),
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SMTP003ServerClose = Create(
        RuleIdentifiers.ReplyCodeContext,
        nameof(Resources.SMTP003Title),
        nameof(Resources.SMTP003ServerCloseMessage),
        nameof(Resources.SMTP003Description),
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SMTP003UnrecognizedVerb = Create(
        RuleIdentifiers.ReplyCodeContext,
        nameof(Resources.SMTP003Title),
        nameof(Resources.SMTP003UnrecognizedVerbMessage),
        nameof(Resources.SMTP003Description),
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SMTP003ReplyClass = Create(
        RuleIdentifiers.ReplyCodeContext,
        nameof(Resources.SMTP003Title),
        nameof(Resources.SMTP003ReplyClassMessage),
        nameof(Resources.SMTP003Description),
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SMTP003ClassifierThreshold = Create(
        RuleIdentifiers.ReplyCodeContext,
        nameof(Resources.SMTP003Title),
        nameof(Resources.SMTP003ClassifierThresholdMessage),
        nameof(Resources.SMTP003Description),
        DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string titleResource, string messageResource, string descriptionResource, DiagnosticSeverity severity) =>
        new(
            id,
            Resources.Localizable(titleResource),
            Resources.Localizable(messageResource),
            Category,
            severity,
            isEnabledByDefault: true,
            description: Resources.Localizable(descriptionResource),
            helpLinkUri: RuleIdentifiers.GetHelpUri(id));
}
