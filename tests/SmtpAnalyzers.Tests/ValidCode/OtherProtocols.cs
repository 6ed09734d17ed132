using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace ValidCode.Protocols
{
    /// <summary>HTTP: status codes that share numbers with SMTP replies, and are no SMTP at all.</summary>
    public sealed class HttpStatusReporter
    {
        private readonly HttpClient client = new HttpClient { Timeout = TimeSpan.FromMilliseconds(2500) };

        public async Task<string> FetchAsync(Uri uri)
        {
            using var response = await client.GetAsync(uri);
            var status = (int)response.StatusCode;
            if (status == 200 || status == 204)
            {
                return await response.Content.ReadAsStringAsync();
            }

            if (status == 404 || status == 410)
            {
                return string.Empty;
            }

            if (status >= 500)
            {
                throw new HttpRequestException("Server error " + status);
            }

            return response.StatusCode == HttpStatusCode.NotModified ? "cached" : throw new InvalidOperationException("Unexpected status " + status);
        }

        public static string StatusLine(int status) => status switch
        {
            200 => "HTTP/1.1 200 OK\r\n",
            250 => "HTTP/1.1 250 Low on Storage\r\n",
            500 => "HTTP/1.1 500 Internal Server Error\r\n",
            503 => "HTTP/1.1 503 Service Unavailable\r\n",
            _ => "HTTP/1.1 " + status + " Unknown\r\n",
        };
    }

    /// <summary>FTP: replies use the same three-digit shape as SMTP (RFC 959) and the same numbers.</summary>
    public sealed class FtpControlConnection
    {
        private readonly TextWriter writer;

        public FtpControlConnection(TextWriter writer) => this.writer = writer;

        public void Greet() => Reply(220, "FTP server ready");

        public void HandleCommand(string command)
        {
            switch (command)
            {
                case "USER":
                    Reply(331, "User name okay, need password");
                    break;
                case "PASS":
                    Reply(230, "User logged in");
                    break;
                case "PASV":
                    Reply(227, "Entering Passive Mode (127,0,0,1,195,80)");
                    break;
                case "RETR":
                    Reply(150, "Opening data connection");
                    Reply(226, "Transfer complete");
                    break;
                case "DELE":
                    Reply(550, "Requested action not taken");
                    break;
                case "QUIT":
                    Reply(221, "Goodbye");
                    break;
                default:
                    Reply(502, "Command not implemented");
                    break;
            }
        }

        private void Reply(int code, string text)
        {
            writer.Write(code + " " + text + "\r\n");
            writer.Write("250 Requested file action okay\n");
        }
    }

    /// <summary>NNTP (RFC 3977): articles end with "." on a line, like SMTP DATA; codes overlap too.</summary>
    public sealed class NntpReader
    {
        private readonly StreamReader reader;
        private readonly StreamWriter writer;

        public NntpReader(StreamReader reader, StreamWriter writer)
        {
            this.reader = reader;
            this.writer = writer;
        }

        public string ReadArticle(string id)
        {
            writer.Write("ARTICLE " + id + "\r\n");
            writer.Flush();
            var status = reader.ReadLine();
            if (status is null || !status.StartsWith("220", StringComparison.Ordinal))
            {
                return string.Empty;
            }

            var article = new StringBuilder();
            string? line;
            while ((line = reader.ReadLine()) != null && line != ".")
            {
                article.AppendLine(line.StartsWith("..", StringComparison.Ordinal) ? line.Substring(1) : line);
            }

            return article.ToString();
        }

        public bool PostAccepted(int code) => code == 240 || code == 340;
    }

    /// <summary>POP3 (RFC 1939): +OK and -ERR, multi-line responses end with ".".</summary>
    public sealed class Pop3Session
    {
        private readonly StreamReader reader;
        private readonly StreamWriter writer;

        public Pop3Session(StreamReader reader, StreamWriter writer)
        {
            this.reader = reader;
            this.writer = writer;
        }

        public int CountMessages()
        {
            writer.Write("LIST\r\n");
            writer.Flush();
            if (reader.ReadLine()?.StartsWith("+OK", StringComparison.Ordinal) != true)
            {
                return -1;
            }

            var count = 0;
            while (reader.ReadLine() is { } line && line != ".")
            {
                count++;
            }

            return count;
        }

        public void Quit() => writer.Write("QUIT\r\n");
    }
}
