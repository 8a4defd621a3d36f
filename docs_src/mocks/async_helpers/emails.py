import anyio
import anyio.lowlevel


class MailServerDown(Exception):
    pass


async def send_email(to: str, subject: str) -> None:
    await anyio.lowlevel.checkpoint()  # (1)!
    raise MailServerDown(f"could not send {subject!r} to {to}")
