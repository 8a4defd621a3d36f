from typing import Annotated

from fastapi import BackgroundTasks, Depends, FastAPI
from pydantic import BaseModel

from .emails import MailServerDown, send_email  # (1)!

app = FastAPI()


class Notifier:
    async def order_placed(self, order_id: int) -> None:
        await send_email("shop@example.com", f"Order {order_id}")


notifier = Notifier()


class NewUser(BaseModel):
    email: str


@app.post("/signup", status_code=201)
async def signup(user: NewUser) -> dict[str, str | bool]:
    try:
        await send_email(user.email, "Welcome")  # (2)!
    except MailServerDown:
        return {"email": user.email, "welcome_sent": False}
    return {"email": user.email, "welcome_sent": True}


@app.post("/orders/{order_id}", status_code=202)
async def place_order(order_id: int, tasks: BackgroundTasks) -> dict[str, int]:
    tasks.add_task(notifier.order_placed, order_id)  # (3)!
    return {"order_id": order_id}


async def get_discount() -> int:
    return 0


@app.get("/price")
async def price(discount: Annotated[int, Depends(get_discount)]) -> dict[str, int]:
    return {"price": 100 - discount}
