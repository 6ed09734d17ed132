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

    // SMTP004: one rule, three messages (class mismatch, enhanced code on a 3yz reply, malformed code).
    public static readonly DiagnosticDescriptor SMTP004EnhancedStatusCode = Create(
        RuleIdentifiers.EnhancedStatusCodeMismatch,
        nameof(Resources.SMTP004Title),
        nameof(Resources.SMTP004MessageClassMismatch),
        nameof(Resources.SMTP004Description),
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SMTP004Intermediate = Create(
        RuleIdentifiers.EnhancedStatusCodeMismatch,
        nameof(Resources.SMTP004Title),
        nameof(Resources.SMTP004MessageIntermediate),
        nameof(Resources.SMTP004Description),
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SMTP004Malformed = Create(
        RuleIdentifiers.EnhancedStatusCodeMismatch,
        nameof(Resources.SMTP004Title),
        nameof(Resources.SMTP004MessageMalformed),
        nameof(Resources.SMTP004Description),
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SMTP005LineNotEndedWithCrLf = Create(
        RuleIdentifiers.LineNotEndedWithCrLf,
        nameof(Resources.SMTP005Title),
        nameof(Resources.SMTP005Message),
        nameof(Resources.SMTP005Description),
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SMTP006EnhancedCodeNotRegistered = Create(
        RuleIdentifiers.EnhancedStatusCodeNotRegistered,
        nameof(Resources.SMTP006Title),
        nameof(Resources.SMTP006Message),
        nameof(Resources.SMTP006Description),
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor SMTP007DataEndAcceptsBareLf = Create(
        RuleIdentifiers.DataEndAcceptsBareLf,
        nameof(Resources.SMTP007Title),
        nameof(Resources.SMTP007Message),
        nameof(Resources.SMTP007Description),
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
