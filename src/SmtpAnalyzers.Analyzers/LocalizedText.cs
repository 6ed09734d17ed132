using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using SmtpAnalyzers.ReplyCodes;

namespace SmtpAnalyzers;

/// <summary>A message argument with an English and a German form, chosen by the culture the message is formatted in.</summary>
internal sealed class LocalizedText : LocalizableString
{
    private readonly string english;
    private readonly string german;

    public LocalizedText(string english, string german)
    {
        this.english = english;
        this.german = german;
    }

    protected override string GetText(IFormatProvider? formatProvider) =>
        formatProvider is CultureInfo culture && ReplyCodeTitle.IsGerman(culture) ? german : english;

    protected override bool AreEqual(object? other) => other is LocalizedText text && text.english == english && text.german == german;

    protected override int GetHash() => english.GetHashCode();
}
