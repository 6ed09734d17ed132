using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SmtpAnalyzers.PackageTests.Infrastructure;
using Xunit;

namespace SmtpAnalyzers.PackageTests;

/// <summary>
/// The proof on the wire (issue 3): the sample server as written and the copy fixed by
/// <c>dotnet format analyzers --diagnostics SMTP001 SMTP002</c> (<see cref="SampleBuilds"/>) run side by side on 127.0.0.1; a
/// real SMTP client (MailKit) sends both the same commands and messages, its <see cref="ProtocolLogger"/> records the bytes,
/// and every reply line (CR LF included) and every saved message file must be the same.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class WireTests
{
    private const string Help = "214 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT";

    /// <summary>
    /// The server's side of the conversation, byte for byte; <c>&lt;id&gt;</c> stands for the queue id, which is random.
    /// The HELP reply ends with a bare LF: that is the sample's SMTP005 bug, which the SMTP001/SMTP002 fix leaves alone.
    /// </summary>
    private static readonly string[] ExpectedReplies =
    {
        "220 smtpsample.localhost ESMTP SmtpSample ready\r\n",
        "250-smtpsample.localhost greets mailkit.test\r\n",
        "250-8BITMIME\r\n",
        "250-SIZE 10485760\r\n",
        "250 HELP\r\n",
        "250 OK\r\n",
        Help + "\n",
        "252 Cannot VRFY user, but will accept message and attempt delivery\r\n",
        "502 Command not implemented\r\n",
        "250 OK\r\n",
        "250 OK\r\n",
        "354 Start mail input; end with <CRLF>.<CRLF>\r\n",
        "250 OK: queued as <id>\r\n",
        "250 OK\r\n",
        "250 OK\r\n",
        "250 OK\r\n",
        "354 Start mail input; end with <CRLF>.<CRLF>\r\n",
        "250 OK: queued as <id>\r\n",
        "250 OK\r\n",
        "221 smtpsample.localhost Service closing transmission channel\r\n",
    };

    private static readonly TimeSpan ConversationTimeout = TimeSpan.FromMinutes(1);

    private readonly PackageFixture fixture;

    public WireTests(PackageFixture fixture) => this.fixture = fixture;

    [Fact]
    public void Fixing_SMTP001_and_SMTP002_changes_no_byte_on_the_wire()
    {
        var samples = fixture.Samples;
        samples.AssertBuilt();
        var originalMail = Path.Combine(fixture.Root, "wire-original");
        var fixedMail = Path.Combine(fixture.Root, "wire-fixed");
        SampleServer? original = null;
        SampleServer? fixedServer = null;
        try
        {
            original = new SampleServer(samples.OriginalAssembly, originalMail);
            fixedServer = new SampleServer(samples.FixedAssembly, fixedMail);

            var before = Converse(original.Port);
            var after = Converse(fixedServer.Port);

            // The client said the same to both (MailKit decides what to send from the replies, so this checks them too).
            Assert.Equal(before.ClientLines, after.ClientLines);
            Assert.Contains("MAIL FROM:<alice@example.org> SIZE=", before.ClientLines[5], StringComparison.Ordinal);

            // Every reply line, byte for byte, CR LF included; the original's against the expected transcript, then the fixed copy's against the original's.
            Assert.True(ExpectedReplies.SequenceEqual(before.ServerLines), "Original server said:\n" + before.Log);
            Assert.True(before.ServerLines.SequenceEqual(after.ServerLines), "Original:\n" + before.Log + "\nFixed:\n" + after.Log);

            // The received messages, byte for byte, but for the queue id and the time in the Received line.
            var beforeFiles = ReadMessages(originalMail, before.QueueIds);
            var afterFiles = ReadMessages(fixedMail, after.QueueIds);
            Assert.Equal(2, beforeFiles.Count);
            Assert.Equal(beforeFiles, afterFiles);
            Assert.Contains("\r\n\r\nHello Bob,\r\n.a line that starts with a dot\r\nGr\u00c3\u00bc\u00c3\u009fe\r\n", beforeFiles[0], StringComparison.Ordinal);
            Assert.Contains("\r\n\r\nfirst\r\n.\r\nstill the body after a line with one dot\r\n", beforeFiles[1], StringComparison.Ordinal);

            Assert.Equal(0, original.StopByClosingStandardInput(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, fixedServer.StopByClosingStandardInput(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            original?.Dispose();
            fixedServer?.Dispose();
        }
    }

    /// <summary>Greeting and EHLO, four custom commands, two messages, RSET and QUIT, all recorded by MailKit's ProtocolLogger.</summary>
    private static Conversation Converse(int port)
    {
        using var log = new MemoryStream();
        using var timeout = new CancellationTokenSource(ConversationTimeout);
        using (var client = new CommandClient(new ProtocolLogger(log, leaveOpen: true)))
        {
            client.Timeout = 30_000;
            client.LocalDomain = "mailkit.test";
            client.Connect("127.0.0.1", port, SecureSocketOptions.None, timeout.Token);

            Assert.Equal(SmtpStatusCode.Ok, client.Command("NOOP", timeout.Token).StatusCode);
            var help = client.Command("HELP", timeout.Token);
            Assert.Equal(SmtpStatusCode.HelpMessage, help.StatusCode);
            Assert.Equal(Help.Substring(4), help.Response);
            Assert.Equal(SmtpStatusCode.CannotVerifyUserWillAttemptDelivery, client.Command("VRFY bob", timeout.Token).StatusCode);
            Assert.Equal(SmtpStatusCode.CommandNotImplemented, client.Command("BOGUS", timeout.Token).StatusCode);

            client.Send(CreateMessage(1, "Hello Bob,\r\n.a line that starts with a dot\r\nGr\u00fc\u00dfe\r\n", "bob@example.org"), timeout.Token);
            client.Send(CreateMessage(2, "first\r\n.\r\nstill the body after a line with one dot\r\n", "carol@example.org", "dave@example.org"), timeout.Token);
            Assert.Equal(SmtpStatusCode.Ok, client.Command("RSET", timeout.Token).StatusCode);
            client.Disconnect(quit: true, timeout.Token);
        }

        var text = Encoding.Latin1.GetString(log.ToArray());
        var serverLines = new List<string>();
        var clientLines = new List<string>();
        var queueIds = new List<string>();
        for (var start = 0; start < text.Length;)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            var line = text.Substring(start, end - start);
            start = end;
            if (line.StartsWith("S: ", StringComparison.Ordinal))
            {
                var reply = line.Substring(3);
                var queued = Regex.Match(reply, "^250 OK: queued as ([0-9a-f]{12})\r\n$");
                if (queued.Success)
                {
                    queueIds.Add(queued.Groups[1].Value);
                    reply = reply.Replace(queued.Groups[1].Value, "<id>", StringComparison.Ordinal);
                }

                serverLines.Add(reply);
            }
            else if (line.StartsWith("C: ", StringComparison.Ordinal))
            {
                clientLines.Add(line.Substring(3));
            }
        }

        return new Conversation(text, serverLines, clientLines, queueIds);
    }

    private static MimeMessage CreateMessage(int number, string body, params string[] recipients)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("alice@example.org"));
        foreach (var recipient in recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = $"Wire test {number}";
        message.Date = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        message.MessageId = $"wire-{number}@mailkit.test";
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    /// <summary>The saved files (read as Latin-1, one char per byte), ordered by queue id order, with the id and the Received time replaced.</summary>
    private static List<string> ReadMessages(string mailDirectory, IReadOnlyList<string> queueIds)
    {
        var messages = new List<string>();
        foreach (var id in queueIds)
        {
            var file = Assert.Single(Directory.GetFiles(mailDirectory, $"*-{id}.eml"));
            var text = Encoding.Latin1.GetString(File.ReadAllBytes(file)).Replace(id, "<id>", StringComparison.Ordinal);
            messages.Add(Regex.Replace(text, @"; \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000\r\n", "; <date>\r\n"));
        }

        Assert.Equal(queueIds.Count, Directory.GetFiles(mailDirectory).Length);
        return messages;
    }

    private sealed record Conversation(string Log, IReadOnlyList<string> ServerLines, IReadOnlyList<string> ClientLines, IReadOnlyList<string> QueueIds);

    /// <summary>MailKit's client with its protected SendCommand made callable, for the commands Send does not use.</summary>
    private sealed class CommandClient : SmtpClient
    {
        public CommandClient(IProtocolLogger logger)
            : base(logger)
        {
        }

        public SmtpResponse Command(string command, CancellationToken cancellationToken) => SendCommand(command, cancellationToken);
    }
}
