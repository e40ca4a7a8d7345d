"""Email sent by a background task, so no page or action waits on the mail server."""

from django.core.mail import EmailMessage
from django.tasks import task


@task
def send_email(*, subject: str, body: str, to: list[str], from_email: str = "") -> int:
    """Send one message; a failure leaves the task failed with its error, to run again."""
    message = EmailMessage(subject=subject, body=body, to=to, from_email=from_email or None)
    return message.send()


def queue_email(message: EmailMessage) -> None:
    """Enqueue `message` (inside the caller's transaction: written with it, or not at all)."""
    send_email.enqueue(
        subject=str(message.subject),
        body=str(message.body),
        to=list(message.to),
        from_email=str(message.from_email or ""),
    )
