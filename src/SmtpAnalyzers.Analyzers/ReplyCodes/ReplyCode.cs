namespace SmtpAnalyzers.ReplyCodes;

/// <summary>How a reply code stands in the RFCs.</summary>
public enum ReplyCodeStatus
{
    /// <summary>Defined by RFC 5321 (or RFC 7504, which updates it).</summary>
    Standard,

    /// <summary>Defined by an SMTP service extension (AUTH, STARTTLS, ETRN, ATRN).</summary>
    Extension,

    /// <summary>Defined by an experimental RFC.</summary>
    Experimental,

    /// <summary>Kept by its RFC for historical purposes only.</summary>
    Deprecated,

    /// <summary>Not defined by any RFC; seen in the wild.</summary>
    NonStandard,
}

/// <summary>One row of <see cref="ReplyCodeTable"/>.</summary>
public sealed class ReplyCode
{
    internal ReplyCode(int value, string name, ReplyCodeStatus status, string title, string text, string germanTitle, string germanText, string rfc)
    {
        Value = value;
        Name = name;
        Status = status;
        Title = title;
        Text = text;
        GermanTitle = germanTitle;
        GermanText = germanText;
        Rfc = rfc;
        ValueText = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        LocalizedTitle = new ReplyCodeTitle(this);
    }

    /// <summary>The three-digit code.</summary>
    public int Value { get; }

    /// <summary>The code as three invariant digits.</summary>
    public string ValueText { get; }

    /// <summary>The name of the generated constant (<c>SmtpReplyCode.Name</c>).</summary>
    public string Name { get; }

    public ReplyCodeStatus Status { get; }

    /// <summary>Short English meaning, used in diagnostic messages.</summary>
    public string Title { get; }

    /// <summary>The RFC's English reply text.</summary>
    public string Text { get; }

    /// <summary>Short German meaning, used in German diagnostic messages.</summary>
    public string GermanTitle { get; }

    /// <summary>German reply text.</summary>
    public string GermanText { get; }

    /// <summary>Defining RFC and sections.</summary>
    public string Rfc { get; }

    /// <summary>The reply class: the first digit (2, 3, 4 or 5).</summary>
    public int Class => Value / 100;

    /// <summary>English name of the reply class (RFC 5321 §4.2.1).</summary>
    public string ClassName => Class switch
    {
        2 => "Positive Completion",
        3 => "Positive Intermediate",
        4 => "Transient Negative Completion",
        _ => "Permanent Negative Completion",
    };

    /// <summary>German name of the reply class.</summary>
    public string GermanClassName => Class switch
    {
        2 => "Positive Abschlussantwort",
        3 => "Positive Zwischenantwort",
        4 => "Vorübergehende negative Antwort",
        _ => "Dauerhafte negative Antwort",
    };

    /// <summary>The title as a message argument that follows the culture the message is formatted in (English or German).</summary>
    public Microsoft.CodeAnalysis.LocalizableString LocalizedTitle { get; }

    public override string ToString() => ValueText + " " + Name;
}
