from fastapi import FastAPI
from pydantic import BaseModel


class Note(BaseModel):
    text: str


class NoteStore:
    """Keeps notes in memory behind an async API, as a database client would."""

    def __init__(self) -> None:
        self._notes: dict[int, str] = {}

    async def add(self, text: str) -> int:
        note_id = len(self._notes) + 1
        self._notes[note_id] = text
        return note_id

    async def get(self, note_id: int) -> str | None:
        return self._notes.get(note_id)


store = NoteStore()
app = FastAPI()


@app.post("/notes", status_code=201)
async def create_note(note: Note) -> dict[str, int]:
    return {"id": await store.add(note.text)}
