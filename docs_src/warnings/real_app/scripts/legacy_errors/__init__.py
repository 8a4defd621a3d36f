"""A stand-in for a small third-party library of error handlers, written before
Starlette renamed HTTP_422_UNPROCESSABLE_ENTITY to HTTP_422_UNPROCESSABLE_CONTENT.
"""

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.status import HTTP_422_UNPROCESSABLE_ENTITY


async def problem_details(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    body = {"title": "Invalid request", "errors": len(exc.errors())}
    return JSONResponse(body, status_code=HTTP_422_UNPROCESSABLE_ENTITY)
