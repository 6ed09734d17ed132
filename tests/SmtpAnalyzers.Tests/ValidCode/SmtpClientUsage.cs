using System;
using System.Net;
using System.Net.Mail;
using System.Threading.Tasks;

namespace ValidCode.Mail
{
    /// <summary>Sending mail with System.Net.Mail, handling failures by the library's enum and by reply class.</summary>
    public sealed class NotificationMailer
    {
        private const int SubmissionPort = 587;
        private const int MaxAttempts = 3;

        private readonly string host;

        public NotificationMailer(string host) => this.host = host;

        public async Task<bool> SendAsync(string from, string to, string subject, string body)
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                using var client = new SmtpClient(host, SubmissionPort)
                {
                    EnableSsl = true,
                    Timeout = 30_000,
                    Credentials = CredentialCache.DefaultNetworkCredentials,
                };
                try
                {
                    await client.SendMailAsync(new MailMessage(from, to, subject, body));
                    return true;
                }
                catch (SmtpFailedRecipientException e) when (e.StatusCode == SmtpStatusCode.MailboxUnavailable)
                {
                    Console.WriteLine($"Unknown recipient {e.FailedRecipient}");
                    return false;
                }
                catch (SmtpException e) when (IsTransient(e.StatusCode))
                {
                    Console.WriteLine($"Attempt {attempt} failed: {e.StatusCode}; retrying");
                    await Task.Delay(TimeSpan.FromSeconds(attempt * 5));
                }
            }

            return false;
        }

        /// <summary>4yz replies are transient (RFC 5321 §4.2.1); the class is all that matters here.</summary>
        private static bool IsTransient(SmtpStatusCode status)
        {
            var code = (int)status;
            return code >= 400 && code < 500
                || status == SmtpStatusCode.ServiceNotAvailable
                || status == SmtpStatusCode.MailboxBusy;
        }

        public static string Describe(SmtpStatusCode status) => status switch
        {
            SmtpStatusCode.Ok => "accepted",
            SmtpStatusCode.ServiceReady => "ready",
            SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed => "rejected recipient",
            _ when (int)status >= 500 => "permanent failure",
            _ when (int)status >= 400 => "temporary failure",
            _ => "other",
        };
    }
}
