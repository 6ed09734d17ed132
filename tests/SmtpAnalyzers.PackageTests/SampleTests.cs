using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using SmtpAnalyzers.PackageTests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.PackageTests;

/// <summary>
/// README's first commands, on a copy of the repository: <c>dotnet build samples/SmtpSample</c> shows the warnings of every
/// rule, exactly; the sample server really speaks SMTP; <c>dotnet format analyzers --diagnostics SMTP001 SMTP002</c> (on a
/// copy of the sample, see <see cref="SampleBuilds"/>) fixes every SMTP001 and SMTP002 warning and leaves the protocol bugs
/// of the later rules for a person to fix, and the fixed sample still serves SMTP. <see cref="WireTests"/> proves with a real
/// client that the fix changes no byte on the wire.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SampleTests
{
    /// <summary>
    /// Every warning of the sample as built, per rule. SMTP001: magic reply codes in every context the rule knows (the traps
    /// beside them, Task.Delay(250), sizes, <c>code &gt;= 500</c>, HTTP, are absent). SMTP002: reply strings, a multi-line EHLO
    /// reply, the client's prefix checks. SMTP003-SMTP007: one protocol bug of each class (README, "Try it").
    /// </summary>
    private static readonly Dictionary<string, string[]> ExpectedWarnings = new()
    {
        ["SMTP001"] = new[]
        {
            "Program.cs(124,93)", "Program.cs(124,122)", "Program.cs(133,26)", "Program.cs(134,26)", "Program.cs(137,26)",
            "Program.cs(153,9)", "Program.cs(153,16)", "Program.cs(153,23)", "Program.cs(153,30)",
            "Program.cs(154,9)", "Program.cs(154,16)", "Program.cs(154,23)",
            "SmtpMailSender.cs(65,26)", "SmtpMailSender.cs(65,46)", "SmtpMailSender.cs(68,49)", "SmtpMailSender.cs(70,31)",
            "SmtpMailSender.cs(75,50)", "SmtpMailSender.cs(80,31)", "SmtpMailSender.cs(80,52)", "SmtpMailSender.cs(96,39)",
            "SmtpMailSender.cs(97,53)", "SmtpMailSender.cs(114,32)", "SmtpMailSender.cs(120,27)", "SmtpMailSender.cs(152,38)",
            "SmtpSession.cs(52,23)", "SmtpSession.cs(58,23)", "SmtpSession.cs(92,27)", "SmtpSession.cs(100,27)",
            "SmtpSession.cs(113,27)", "SmtpSession.cs(117,27)", "SmtpSession.cs(126,27)", "SmtpSession.cs(133,27)",
            "SmtpSession.cs(137,27)", "SmtpSession.cs(146,27)", "SmtpSession.cs(153,27)", "SmtpSession.cs(161,23)",
            "SmtpSession.cs(167,23)", "SmtpSession.cs(173,23)", "SmtpSession.cs(185,15)", "SmtpSession.cs(214,25)",
            "SmtpSession.cs(222,29)", "SmtpSession.cs(244,19)",
        },
        ["SMTP002"] = new[]
        {
            "SmtpMailSender.cs(48,59)", "SmtpMailSender.cs(103,47)",
            "SmtpSession.cs(40,24)", "SmtpSession.cs(105,32)", "SmtpSession.cs(106,31)", "SmtpSession.cs(107,31)",
            "SmtpSession.cs(108,31)", "SmtpSession.cs(122,35)", "SmtpSession.cs(141,35)", "SmtpSession.cs(164,31)",
            "SmtpSession.cs(170,31)", "SmtpSession.cs(176,31)", "SmtpSession.cs(248,27)",
        },
        ["SMTP003"] = new[] { "SmtpMailSender.cs(68,49)", "SmtpSession.cs(52,23)", "SmtpSession.cs(176,30)", "SmtpSession.cs(248,26)" },
        ["SMTP004"] = new[] { "SmtpSession.cs(141,39)" },
        ["SMTP005"] = new[] { "SmtpSession.cs(170,30)" },
        ["SMTP007"] = new[] { "SmtpSession.cs(274,16)" },
    };

    /// <summary>What each protocol bug's warning says (the start of its message), by place.</summary>
    private static readonly Dictionary<string, string> ExpectedMessages = new()
    {
        ["SmtpMailSender.cs(68,49): SMTP003"] = "Reply code 220 (Service ready) is not a valid reply to ",
        ["SmtpSession.cs(52,23): SMTP003"] = "Reply code 221 (Service closing transmission channel) is the reply to QUIT; when the server closes the connection itself ('OperationCanceledException') the reply is 421 (RFC 5321 section 3.8)",
        ["SmtpSession.cs(176,30): SMTP003"] = "Reply code 502 (Command not implemented) means the command is recognized but not implemented; an unrecognized command gets 500 (RFC 5321 section 4.2.4)",
        ["SmtpSession.cs(248,26): SMTP003"] = "Reply code 554 (Transaction failed) is a permanent (5yz) reply, but 'ReplyTemporaryFailure' says the outcome is temporary (RFC 5321 section 4.2.1)",
        ["SmtpSession.cs(141,39): SMTP004"] = "Enhanced status code 5.5.3 does not match reply code 452: its class must be 4",
        ["SmtpSession.cs(170,30): SMTP005"] = "'\\n' does not end this SMTP line with CR LF, as RFC 5321 §2.3.8 requires",
        ["SmtpSession.cs(274,16): SMTP007"] = "'ReadLine' accepts a bare LF in the end of DATA: only CR LF . CR LF ends the mail data (RFC 5321 §4.1.1.4)",
    };

    /// <summary>
    /// What is left after the SMTP001/SMTP002 fix: the protocol bugs, which need a person, one line lower for the added using.
    /// SMTP004 (5.5.3 in the 452 reply), SMTP005 (the HELP reply's bare LF) and SMTP003 (554 in ReplyTemporaryFailure) still
    /// report once their reply string starts with the interpolated constant (<c>$"{SmtpReplyCode.InsufficientSystemStorage} 5.5.3 ..."</c>).
    /// </summary>
    private static readonly Dictionary<string, string[]> ExpectedWarningsAfterFix = new()
    {
        ["SMTP003"] = new[] { "SmtpMailSender.cs(69,49)", "SmtpSession.cs(53,23)", "SmtpSession.cs(177,33)", "SmtpSession.cs(249,26)" },
        ["SMTP004"] = new[] { "SmtpSession.cs(142,78)" },
        ["SMTP005"] = new[] { "SmtpSession.cs(171,30)" },
        ["SMTP007"] = new[] { "SmtpSession.cs(275,16)" },
    };

    /// <summary>What the three warnings on a constant-code reply string say after the fix, by place.</summary>
    private static readonly Dictionary<string, string> ExpectedMessagesAfterFix = new()
    {
        ["SmtpSession.cs(142,78): SMTP004"] = "Enhanced status code 5.5.3 does not match reply code 452: its class must be 4",
        ["SmtpSession.cs(171,30): SMTP005"] = "'\\n' does not end this SMTP line with CR LF, as RFC 5321 §2.3.8 requires",
        ["SmtpSession.cs(249,26): SMTP003"] = "Reply code 554 (Transaction failed) is a permanent (5yz) reply, but 'ReplyTemporaryFailure' says the outcome is temporary (RFC 5321 section 4.2.1)",
    };

    private readonly PackageFixture fixture;

    public SampleTests(PackageFixture fixture) => this.fixture = fixture;

    [Fact]
    public void Sample_shows_the_warnings_of_every_rule_serves_SMTP_and_dotnet_format_fixes_SMTP001_and_SMTP002()
    {
        var samples = fixture.Samples;
        Assert.True(samples.OriginalBuild.ExitCode == 0, samples.OriginalBuild.ToString());
        BuildAssert.WarningsPerRule(samples.OriginalBuild, samples.OriginalSample, ExpectedWarnings);

        foreach (var diagnostic in BuildDiagnostic.Parse(samples.OriginalBuild.Output))
        {
            var source = File.ReadAllLines(diagnostic.File)[diagnostic.Line - 1];
            if (diagnostic.Id is "SMTP001" or "SMTP002")
            {
                // SMTP001 points at a three-digit literal, SMTP002 at the three digits inside the string; both name that very code.
                var literal = source.Substring(diagnostic.Column - 1, 4);
                Assert.Matches(@"^\d{3}\W$", literal);
                Assert.StartsWith($"Use a named constant for SMTP reply code {literal.Substring(0, 3)} (", diagnostic.Message);
                Assert.Equal(diagnostic.Id == "SMTP002", diagnostic.Message.Contains(") in this reply string (", StringComparison.Ordinal));
            }
            else
            {
                Assert.StartsWith(ExpectedMessages[$"{Path.GetFileName(diagnostic.File)}({diagnostic.Line},{diagnostic.Column}): {diagnostic.Id}"], diagnostic.Message);
            }
        }

        Converse(samples.OriginalAssembly, Path.Combine(fixture.Root, "mail-before-fix"));

        Assert.True(samples.Format is { ExitCode: 0 }, samples.Format?.ToString());
        foreach (var file in SampleBuilds.SourceFiles)
        {
            Assert.NotEqual(File.ReadAllText(Path.Combine(samples.OriginalSample, file)), File.ReadAllText(Path.Combine(samples.FixedSample, file)));
        }

        var session = File.ReadAllText(Path.Combine(samples.FixedSample, "SmtpSession.cs"));
        var client = File.ReadAllText(Path.Combine(samples.FixedSample, "SmtpMailSender.cs"));
        var program = File.ReadAllText(Path.Combine(samples.FixedSample, "Program.cs"));
        Assert.Contains("using SmtpAnalyzers;", session);
        Assert.Contains("Reply(SmtpReplyCode.StartMailInput, ", session);
        Assert.Contains("writer.Write($\"{SmtpReplyCode.ServiceReady} {serverName} ESMTP SmtpSample ready\\r\\n\");", session);
        Assert.Contains("writer.Write($\"{SmtpReplyCode.Ok}-8BITMIME\\r\\n\");", session);
        Assert.Contains("writer.Write($\"{SmtpReplyCode.Ok}-SIZE \" + MaxMessageSize + \"\\r\\n\");", session);
        Assert.Contains("writer.Write($\"{SmtpReplyCode.Ok} OK\\r\\n\");", session);
        Assert.Contains("!line.StartsWith(SmtpReplyCode.Text.StartMailInput, StringComparison.Ordinal)", client);
        Assert.Contains("!greeting.StartsWith($\"{SmtpReplyCode.ServiceReady} \", StringComparison.Ordinal)", client);
        Assert.Contains("case (int)SmtpStatusCode.MailboxUnavailable:", program);
        Assert.Contains("await Task.Delay(250, timeout.Token);", program);

        // The protocol bugs are not SMTP001/SMTP002's business: they stay as they were, for a person to fix.
        Assert.Contains("writer.Write($\"{SmtpReplyCode.TransactionFailed} Local error in processing, try again later\\r\\n\");", session);
        Assert.Contains("writer.Write($\"{SmtpReplyCode.HelpMessage} Commands: EHLO HELO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT\\n\");", session);

        Assert.True(samples.FixedBuild is { ExitCode: 0 }, samples.FixedBuild?.ToString());
        BuildAssert.WarningsPerRule(samples.FixedBuild!, samples.FixedSample, ExpectedWarningsAfterFix);
        foreach (var diagnostic in BuildDiagnostic.Parse(samples.FixedBuild!.Output))
        {
            if (ExpectedMessagesAfterFix.TryGetValue($"{Path.GetFileName(diagnostic.File)}({diagnostic.Line},{diagnostic.Column}): {diagnostic.Id}", out var message))
            {
                Assert.StartsWith(message, diagnostic.Message);
            }
        }

        Converse(samples.FixedAssembly, Path.Combine(fixture.Root, "mail-after-fix"));
    }

    /// <summary>A whole SMTP conversation with the sample server on 127.0.0.1, then the sample client against it, then a clean stop.</summary>
    private static void Converse(string assembly, string mailDirectory)
    {
        using var server = new SampleServer(assembly, mailDirectory);
        using (var client = new SmtpTestClient(server.Port))
        {
            Assert.Equal(new[] { "220 smtpsample.localhost ESMTP SmtpSample ready" }, client.ReadReply());
            Assert.Equal("250 OK", client.Send("NOOP"));
            Assert.Equal("503 Send EHLO or HELO first", client.Send("MAIL FROM:<alice@example.org>"));
            Assert.Equal(
                new[] { "250-smtpsample.localhost greets client.example", "250-8BITMIME", "250-SIZE 10485760", "250 HELP" },
                client.SendRaw("EHLO client.example\r\n"));
            Assert.Equal("503 Need MAIL before RCPT", client.Send("RCPT TO:<bob@example.org>"));
            Assert.Equal("250 OK", client.Send("MAIL FROM:<alice@example.org> SIZE=100"));
            Assert.Equal("501 Syntax: RCPT TO:<address>", client.Send("RCPT TO:bob@example.org"));
            Assert.Equal("250 OK", client.Send("RCPT TO:<bob@example.org>"));
            Assert.Equal("354 Start mail input; end with <CRLF>.<CRLF>", client.Send("DATA"));

            // A dot-stuffed line, and a bare LF.LF that must not end the message (only CRLF.CRLF does).
            var queued = client.SendRaw("Subject: test\r\n\r\n..leading dot\r\nbare\n.\nstays data\r\n.\r\n")[^1];
            var id = Regex.Match(queued, "^250 OK: queued as ([0-9a-f]{12})$").Groups[1].Value;
            Assert.True(id.Length == 12, queued);

            Assert.Equal("503 Need MAIL command", client.Send("DATA"));
            Assert.Equal("250 OK", client.Send("RSET"));
            Assert.Equal("252 Cannot VRFY user, but will accept message and attempt delivery", client.Send("VRFY bob"));
            Assert.Equal("214 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT", client.Send("HELP")); // ends with a bare LF (SMTP005): WireTests
            Assert.Equal("502 Command not implemented", client.Send("BOGUS")); // should be 500 (SMTP003)
            Assert.Equal("221 smtpsample.localhost Service closing transmission channel", client.Send("QUIT"));
            Assert.True(client.IsClosedByServer());

            var saved = Assert.Single(Directory.GetFiles(mailDirectory, $"*-{id}.eml"));
            Assert.Matches(
                "^Return-Path: <alice@example.org>\r\n"
                + $"Received: from client\\.example by smtpsample\\.localhost with ESMTP id {id} for <bob@example\\.org>; \\w{{3}}, \\d\\d \\w{{3}} \\d{{4}} \\d\\d:\\d\\d:\\d\\d \\+0000\r\n"
                + "Subject: test\r\n\r\n\\.leading dot\r\nbare\n\\.\nstays data\r\n$",
                File.ReadAllText(saved));
        }

        // The sample's own client: EHLO, MAIL, RCPT, DATA with dot-stuffing, QUIT, each reply code checked.
        var send = DotNet.Run(Path.GetDirectoryName(assembly)!, null, TimeSpan.FromMinutes(2), assembly, "send", server.Port.ToString(), "carol@example.org", "dave@example.org", "Hello", "Hi Dave,\n.see you\nCarol");
        Assert.True(send.ExitCode == 0, send + "\nServer:\n" + server.Output);
        Assert.Equal("Sent to <dave@example.org>.\n", send.Output);
        var sent = Assert.Single(Directory.GetFiles(mailDirectory, "*.eml"), f => File.ReadAllText(f).Contains("Subject: Hello\r\n"));
        Assert.EndsWith("\r\n\r\nHi Dave,\r\n.see you\r\nCarol\r\n", File.ReadAllText(sent));

        Assert.Equal(0, server.StopByClosingStandardInput(TimeSpan.FromSeconds(30)));
        Assert.EndsWith("SmtpSample stopped.\n", server.Output);
    }
}
