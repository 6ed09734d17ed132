using System;
using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers.ReplyCodes;

/// <summary>
/// A reply code's short meaning as a diagnostic message argument: the compiler formats messages with the
/// UI culture as format provider, so a German build gets the German text from the same table row.
/// </summary>
internal sealed class ReplyCodeTitle : LocalizableString
{
    private readonly ReplyCode code;

    public ReplyCodeTitle(ReplyCode code) => this.code = code;

    protected override string GetText(IFormatProvider? formatProvider) => LocalizedText.IsGerman(formatProvider) ? code.GermanTitle : code.Title;

    protected override bool AreEqual(object? other) => other is ReplyCodeTitle title && title.code.Value == code.Value;

    protected override int GetHash() => code.Value;
}
