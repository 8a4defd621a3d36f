from fastapi import FastAPI, HTTPException

app = FastAPI()
BOOKS = {1: "Dune"}


@app.get("/books/{book_id}")
async def read_book(book_id: int) -> dict[str, str]:
    if book_id not in BOOKS:
        raise HTTPException(status_code=404, detail="No such book")
    return {"title": BOOKS[book_id]}
