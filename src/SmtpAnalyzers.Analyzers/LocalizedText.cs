using System;
using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers;

/// <summary>A message argument with an English and a German form, always in the language of the message around it.</summary>
internal sealed class LocalizedText : LocalizableString
{
    /// <summary>"en" from Resources.resx, "de" from Resources.de.resx.</summary>
    private static readonly LocalizableString Language = Resources.Localizable(Resources.ReplyCodeTitleLanguage);

    private readonly string english;
    private readonly string german;

    public LocalizedText(string english, string german)
    {
        this.english = english;
        this.german = german;
    }

    protected override string GetText(IFormatProvider? formatProvider) => IsGerman(formatProvider) ? german : english;

    /// <summary>
    /// True when a message formatted with this provider is German. The language comes from the resources, resolved exactly
    /// as the message format around the argument is (the culture the compiler passes, or the current UI culture when there
    /// is none), so an argument is never in another language than its message.
    /// </summary>
    internal static bool IsGerman(IFormatProvider? formatProvider) =>
        string.Equals(Language.ToString(formatProvider), "de", StringComparison.Ordinal);

    protected override bool AreEqual(object? other) => other is LocalizedText text && text.english == english && text.german == german;

    protected override int GetHash() => english.GetHashCode();
}
