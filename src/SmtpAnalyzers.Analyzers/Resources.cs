using System.Resources;
using Microsoft.CodeAnalysis;

namespace SmtpAnalyzers;

/// <summary>Access to Resources.resx (English) and its satellite translations (Resources.de.resx).</summary>
public static partial class Resources
{
    public static ResourceManager ResourceManager { get; } = new("SmtpAnalyzers.Resources", typeof(Resources).Assembly);

    public static LocalizableString Localizable(string name) => new LocalizableResourceString(name, ResourceManager, typeof(Resources));

    /// <summary>A localized, formatted text used as a message argument (one descriptor, several message shapes).</summary>
    // Resource names, so that a typo is a compile error and not an empty message.
    public const string SMTP001Title = nameof(SMTP001Title);
    public const string SMTP001Message = nameof(SMTP001Message);
    public const string SMTP001Description = nameof(SMTP001Description);
    public const string SMTP001FixUseNamedConstant = nameof(SMTP001FixUseNamedConstant);
    public const string SMTP001FixUseBundledConstant = nameof(SMTP001FixUseBundledConstant);

    /// <summary>The language of the resources in force ("en" or "de"); picks the reply-code title's language to match the message.</summary>
    public const string ReplyCodeTitleLanguage = nameof(ReplyCodeTitleLanguage);

    public const string SMTP002Title = nameof(SMTP002Title);
    public const string SMTP002Message = nameof(SMTP002Message);
    public const string SMTP002Description = nameof(SMTP002Description);
    public const string SMTP002FixUseNamedConstant = nameof(SMTP002FixUseNamedConstant);
    public const string SMTP002FixUseBundledConstant = nameof(SMTP002FixUseBundledConstant);

    public const string SMTP003Title = nameof(SMTP003Title);
    public const string SMTP003Message = nameof(SMTP003Message);
    public const string SMTP003ServerCloseMessage = nameof(SMTP003ServerCloseMessage);
    public const string SMTP003UnrecognizedVerbMessage = nameof(SMTP003UnrecognizedVerbMessage);
    public const string SMTP003ReplyClassMessage = nameof(SMTP003ReplyClassMessage);
    public const string SMTP003ClassifierThresholdMessage = nameof(SMTP003ClassifierThresholdMessage);
    public const string SMTP003Description = nameof(SMTP003Description);
    public const string SMTP003FixUseCode = nameof(SMTP003FixUseCode);

    public const string SMTP004Title = nameof(SMTP004Title);
    public const string SMTP004MessageClassMismatch = nameof(SMTP004MessageClassMismatch);
    public const string SMTP004MessageIntermediate = nameof(SMTP004MessageIntermediate);
    public const string SMTP004MessageMalformed = nameof(SMTP004MessageMalformed);
    public const string SMTP004Description = nameof(SMTP004Description);
    public const string SMTP004FixClass = nameof(SMTP004FixClass);
    public const string SMTP005Title = nameof(SMTP005Title);
    public const string SMTP005Message = nameof(SMTP005Message);
    public const string SMTP005Description = nameof(SMTP005Description);
    public const string SMTP005FixCrLf = nameof(SMTP005FixCrLf);
    public const string SMTP006Title = nameof(SMTP006Title);
    public const string SMTP006Message = nameof(SMTP006Message);
    public const string SMTP006Description = nameof(SMTP006Description);
    public const string SMTP007Title = nameof(SMTP007Title);
    public const string SMTP007Message = nameof(SMTP007Message);
    public const string SMTP007Description = nameof(SMTP007Description);
}
