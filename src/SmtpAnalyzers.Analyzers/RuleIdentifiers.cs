namespace SmtpAnalyzers;

/// <summary>Every rule ID in one place; a rule's analyzer, fixer, tests and docs page are all named by it.</summary>
public static class RuleIdentifiers
{
    public const string MagicReplyCode = "SMTP001";
    public const string EnhancedStatusCodeMismatch = "SMTP004";
    public const string LineNotEndedWithCrLf = "SMTP005";
    public const string EnhancedStatusCodeNotRegistered = "SMTP006";
    public const string DataEndAcceptsBareLf = "SMTP007";

    public const string MagicReplyString = "SMTP002";

    public const string ReplyCodeContext = "SMTP003";

    /// <summary>Where the rule pages live; every descriptor's help link points below it.</summary>
    public const string HelpLinkBase = "https://github.com/SmtpAnalyzers/SmtpAnalyzers/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => HelpLinkBase + id + ".md";
}
