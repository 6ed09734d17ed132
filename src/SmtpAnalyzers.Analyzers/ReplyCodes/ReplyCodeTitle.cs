using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers.ReplyCodes;

/// <summary>
/// A reply code's short meaning as a diagnostic message argument: the compiler formats messages with the
/// UI culture as format provider, so a German build gets the German text from the same table row.
/// </summary>
internal sealed class ReplyCodeTitle : LocalizableString
{
    /// <summary>"en" from Resources.resx, "de" from Resources.de.resx.</summary>
    private static readonly LocalizableString Language = Resources.Localizable(Resources.ReplyCodeTitleLanguage);

    private readonly ReplyCode code;

    public ReplyCodeTitle(ReplyCode code) => this.code = code;

    protected override string GetText(IFormatProvider? formatProvider)
    {
        // The language comes from the resources, resolved exactly as the message format around this argument is
        // (the culture the compiler passes, or the current UI culture when there is none), so that the title is
        // always in the language of the message.
        return string.Equals(Language.ToString(formatProvider), "de", StringComparison.Ordinal) ? code.GermanTitle : code.Title;
    }

    internal static bool IsGerman(CultureInfo culture) => string.Equals(culture.TwoLetterISOLanguageName, "de", StringComparison.OrdinalIgnoreCase);

    protected override bool AreEqual(object? other) => other is ReplyCodeTitle title && title.code.Value == code.Value;

    protected override int GetHash() => code.Value;
}
