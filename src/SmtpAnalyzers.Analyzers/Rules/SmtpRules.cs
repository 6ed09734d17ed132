using System;

namespace SmtpAnalyzers.Rules;

/// <summary>
/// The rules one <see cref="SmtpRuleAnalyzer"/> runs. Each flag is named by its rule ID; the rule's logic is in
/// <c>Rules/SMTPnnn*Analyzer.cs</c>.
/// </summary>
[Flags]
internal enum SmtpRules
{
    None = 0,

    /// <summary><see cref="SMTP001MagicReplyCodeAnalyzer"/>.</summary>
    SMTP001 = 1 << 0,

    /// <summary><see cref="SMTP002MagicReplyStringAnalyzer"/>.</summary>
    SMTP002 = 1 << 1,

    /// <summary><see cref="SMTP003ReplyCodeContextAnalyzer"/>.</summary>
    SMTP003 = 1 << 2,

    /// <summary><see cref="SMTP004EnhancedStatusCodeAnalyzer"/>: SMTP004 and SMTP006 (one parser reads both).</summary>
    SMTP004 = 1 << 3,

    /// <summary><see cref="SMTP005LineEndingAnalyzer"/>.</summary>
    SMTP005 = 1 << 4,

    /// <summary><see cref="SMTP007DataTerminatorAnalyzer"/>.</summary>
    SMTP007 = 1 << 5,

    All = SMTP001 | SMTP002 | SMTP003 | SMTP004 | SMTP005 | SMTP007,
}
