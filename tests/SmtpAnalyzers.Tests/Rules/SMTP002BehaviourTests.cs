using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SmtpAnalyzers.Constants;
using Xunit;
using Verify = SmtpAnalyzers.Tests.Verifiers.CSharpVerifier<SmtpAnalyzers.Rules.SMTP002MagicReplyStringAnalyzer, SmtpAnalyzers.Rules.SMTP002MagicReplyStringFixer>;

namespace SmtpAnalyzers.Tests.Rules;

/// <summary>
/// SMTP002's fixes change no byte on the wire: a small SMTP session is compiled as written and as fixed (the fixed text is checked
/// to be exactly what the fixer produces), both are run on the same inputs, and every reply and every comparison result must be
/// identical, CR LF included, also under a culture with unusual digits and signs.
/// </summary>
public class SMTP002BehaviourTests
{
    private const string Original = @"
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

public class SmtpSession
{
    private readonly StringWriter writer = new StringWriter();
    private static readonly Dictionary<int, string> ReplyTexts = new Dictionary<int, string>
    {
        { 250, ""{|SMTP002:250|} OK"" },
        { 550, ""{|SMTP002:550|} 5.1.1 No such user"" },
    };

    public string Transcript => writer.ToString();

    public void Greet(string host) => writer.Write(""{|SMTP002:220|} "" + host + "" ESMTP ready\r\n"");

    public void Ehlo(string host, string client)
    {
        writer.Write(""{|SMTP002:250|}-"" + host + "" Hello "" + client + ""\r\n"");
        writer.Write($""{|SMTP002:250|}-SIZE {35882577}\r\n"");
        writer.Write(@""{|SMTP002:250|}-8BITMIME"" + ""\r\n"");
        writer.Write(""""""{|SMTP002:250|}-PIPELINING"""""" + ""\r\n"");
        writer.Write(string.Format(""{|SMTP002:250|} {0}\r\n"", ""STARTTLS""));
    }

    public void Table(int code) => writer.Write(ReplyTexts[code] + ""\r\n"");

    public void Build(string host)
    {
        var reply = new StringBuilder();
        reply.Append(""{|SMTP002:221|} "").Append(host).Append(""\r\n"");
        reply.AppendFormat(""{|SMTP002:451|} 4.3.0 retry in {0} s, offset {1}\r\n"", 30, -5);
        writer.Write(reply.ToString());
    }

    public static string Classify(string line)
    {
        var r = new List<string>();
        r.Add(line.StartsWith(""{|SMTP002:354|}"").ToString());
        r.Add((line.Substring(0, 3) == ""{|SMTP002:250|}"").ToString());
        switch (line.Substring(0, 3))
        {
            case ""{|SMTP002:334|}"": r.Add(""auth""); break;
            case ""{|SMTP002:235|}"": r.Add(""authed""); break;
            default: r.Add(""other""); break;
        }

        r.Add(line switch { ""{|SMTP002:221|} Bye"" => ""bye"", _ => ""not-bye"" });
        return string.Join(""|"", r);
    }
}

public static class Probe
{
    public static string[] Run()
    {
        var results = new List<string>();
        var session = new SmtpSession();
        session.Greet(""mx.example.com"");
        session.Ehlo(""mx.example.com"", ""client.example.org"");
        session.Table(250);
        session.Table(550);
        session.Build(""mx.example.com"");
        results.Add(session.Transcript);
        var lines = new[] { ""354 go ahead"", ""250 OK"", ""334 VXNlcm5hbWU6"", ""235 2.7.0 ok"", ""221 Bye"", ""2500"", ""550-no"", ""abc"", ""3540"" };
        foreach (var line in lines)
        {
            results.Add(SmtpSession.Classify(line));
        }

        return results.ToArray();
    }
}";

    private const string Fixed = @"
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using SmtpAnalyzers;

public class SmtpSession
{
    private readonly StringWriter writer = new StringWriter();
    private static readonly Dictionary<int, string> ReplyTexts = new Dictionary<int, string>
    {
        { 250, $""{SmtpReplyCode.Ok} OK"" },
        { 550, $""{SmtpReplyCode.MailboxUnavailable} 5.1.1 No such user"" },
    };

    public string Transcript => writer.ToString();

    public void Greet(string host) => writer.Write($""{SmtpReplyCode.ServiceReady} "" + host + "" ESMTP ready\r\n"");

    public void Ehlo(string host, string client)
    {
        writer.Write($""{SmtpReplyCode.Ok}-"" + host + "" Hello "" + client + ""\r\n"");
        writer.Write($""{SmtpReplyCode.Ok}-SIZE {35882577}\r\n"");
        writer.Write($@""{SmtpReplyCode.Ok}-8BITMIME"" + ""\r\n"");
        writer.Write($""""""{SmtpReplyCode.Ok}-PIPELINING"""""" + ""\r\n"");
        writer.Write(string.Format(SmtpReplyCode.Text.Ok + "" {0}\r\n"", ""STARTTLS""));
    }

    public void Table(int code) => writer.Write(ReplyTexts[code] + ""\r\n"");

    public void Build(string host)
    {
        var reply = new StringBuilder();
        reply.Append($""{SmtpReplyCode.ServiceClosingTransmissionChannel} "").Append(host).Append(""\r\n"");
        reply.AppendFormat(SmtpReplyCode.Text.LocalErrorInProcessing + "" 4.3.0 retry in {0} s, offset {1}\r\n"", 30, -5);
        writer.Write(reply.ToString());
    }

    public static string Classify(string line)
    {
        var r = new List<string>();
        r.Add(line.StartsWith(SmtpReplyCode.Text.StartMailInput).ToString());
        r.Add((line.Substring(0, 3) == SmtpReplyCode.Text.Ok).ToString());
        switch (line.Substring(0, 3))
        {
            case SmtpReplyCode.Text.AuthenticationChallenge: r.Add(""auth""); break;
            case SmtpReplyCode.Text.AuthenticationSucceeded: r.Add(""authed""); break;
            default: r.Add(""other""); break;
        }

        r.Add(line switch { $""{SmtpReplyCode.Text.ServiceClosingTransmissionChannel} Bye"" => ""bye"", _ => ""not-bye"" });
        return string.Join(""|"", r);
    }
}

public static class Probe
{
    public static string[] Run()
    {
        var results = new List<string>();
        var session = new SmtpSession();
        session.Greet(""mx.example.com"");
        session.Ehlo(""mx.example.com"", ""client.example.org"");
        session.Table(250);
        session.Table(550);
        session.Build(""mx.example.com"");
        results.Add(session.Transcript);
        var lines = new[] { ""354 go ahead"", ""250 OK"", ""334 VXNlcm5hbWU6"", ""235 2.7.0 ok"", ""221 Bye"", ""2500"", ""550-no"", ""abc"", ""3540"" };
        foreach (var line in lines)
        {
            results.Add(SmtpSession.Classify(line));
        }

        return results.ToArray();
    }
}";

    private static readonly MetadataReference[] References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    [Fact]
    public async Task The_fixed_session_is_exactly_what_the_fixer_produces()
    {
        await Verify.VerifyCodeFixAsync(Original, Fixed);
    }

    [Theory]
    [InlineData("invariant")]
    [InlineData("unusual")]
    [InlineData("de-DE")]
    public void Original_and_fixed_session_put_the_same_bytes_on_the_wire(string cultureName)
    {
        var culture = MakeCulture(cultureName);
        var original = Run(StripMarkup(Original), culture);
        var fixedResult = Run(Fixed, culture);

        Assert.Equal(original.Length, fixedResult.Length);
        for (var i = 0; i < original.Length; i++)
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(original[i]), System.Text.Encoding.UTF8.GetBytes(fixedResult[i]));
        }

        // The transcript is real SMTP: every line ends in CR LF, and the codes are ASCII digits.
        Assert.StartsWith("220 mx.example.com ESMTP ready\r\n250-mx.example.com Hello client.example.org\r\n250-SIZE 35882577\r\n", original[0], StringComparison.Ordinal);
        Assert.Contains("250 STARTTLS\r\n250 OK\r\n550 5.1.1 No such user\r\n221 mx.example.com\r\n451 4.3.0 retry in 30 s, offset ", original[0], StringComparison.Ordinal);
        Assert.Equal("True|False|other|not-bye", original[1]);
        Assert.Equal("False|True|other|not-bye", original[2]);
        Assert.Equal("False|False|other|bye", original[5]);
    }

    [Fact]
    public void The_unusual_culture_really_changes_how_numbers_are_formatted()
    {
        // Without this, the culture test above could pass for the wrong reason.
        var culture = MakeCulture("unusual");
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            Assert.Equal("\u207B5", (-5).ToString());
            Assert.Equal("\u207B5", $"{-5}");
            Assert.Equal("250", $"{250}");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        var fixedResult = Run(Fixed, culture);
        Assert.Contains("offset \u207B5\r\n", fixedResult[0], StringComparison.Ordinal);
    }

    private static CultureInfo MakeCulture(string name)
    {
        if (name == "invariant")
        {
            return CultureInfo.InvariantCulture;
        }

        if (name != "unusual")
        {
            return CultureInfo.GetCultureInfo(name);
        }

        // Arabic-Indic native digits with native digit substitution, and unusual signs.
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NegativeSign = "\u207B";
        culture.NumberFormat.PositiveSign = "\u207A";
        culture.NumberFormat.NativeDigits = new[] { "\u0660", "\u0661", "\u0662", "\u0663", "\u0664", "\u0665", "\u0666", "\u0667", "\u0668", "\u0669" };
        culture.NumberFormat.DigitSubstitution = DigitShapes.NativeNational;
        return culture;
    }

    private static string StripMarkup(string source) => Regex.Replace(source, @"\{\|SMTP002:(.*?)\|\}", "$1");

    private static string[] Run(string source, CultureInfo culture)
    {
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)),
            CSharpSyntaxTree.ParseText(ReplyCodeConstantsGenerator.GetConstantsSource(), new CSharpParseOptions(LanguageVersion.Latest)),
            CSharpSyntaxTree.ParseText(ReplyCodeConstantsGenerator.GetEmbeddedAttributeSource(), new CSharpParseOptions(LanguageVersion.Latest)),
        };
        var compilation = CSharpCompilation.Create(
            "Smtp002Behaviour" + Guid.NewGuid().ToString("N"),
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        stream.Position = 0;
        var context = new AssemblyLoadContext("SMTP002", isCollectible: true);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            var assembly = context.LoadFromStream(stream);
            var run = assembly.GetType("Probe")!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;
            CultureInfo.CurrentCulture = culture;
            return (string[])run.Invoke(null, null)!;
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            context.Unload();
        }
    }
}
