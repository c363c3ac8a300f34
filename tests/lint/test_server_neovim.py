"""End to end in a real editor: headless Neovim (0.7, Debian's `neovim`) runs `soat server`.

Neovim's own client starts the server (`vim.lsp.start_client`, `vim.lsp.buf_attach_client`:
0.7 has no `vim.lsp.start`), converts the UTF-16 positions to byte columns, and stores the
findings in `vim.diagnostic`; the Lua script writes them out as JSON. Then it asks for the
fix-all code action, applies it with Neovim's own `apply_workspace_edit`, and writes the
buffer. `soat check` on the same file is the oracle.

.ci/run installs Neovim; the test only skips outside CI on a machine without it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import needs_seed
from tests.lint.server_helpers import cli_json, seed_text

NVIM = shutil.which("nvim")

pytestmark = [
    needs_seed,
    pytest.mark.skipif(
        NVIM is None and not os.environ.get("CI"),
        reason="Neovim is not installed (apt-get install neovim); CI installs it",
    ),
]

LUA = r"""
local file = os.getenv("SOAT_FILE")
local out = os.getenv("SOAT_OUT")
local cmd = vim.fn.json_decode(os.getenv("SOAT_CMD"))
local result = {}

vim.cmd("edit " .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "soat",
  cmd = cmd,
  root_dir = vim.fn.fnamemodify(file, ":h"),
  init_options = { debounceMs = 20 },
})
vim.lsp.buf_attach_client(bufnr, client_id)

result.got_diagnostics = vim.wait(60000, function()
  return #vim.diagnostic.get(bufnr) > 0
end, 20)
result.diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(result.diagnostics, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    code = d.code, message = d.message, severity = d.severity, source = d.source,
  })
end

local client = vim.lsp.get_client_by_id(client_id)
result.offset_encoding = client.offset_encoding
local params = {
  textDocument = vim.lsp.util.make_text_document_params(bufnr),
  range = { start = { line = 0, character = 0 }, ["end"] = { line = 0, character = 0 } },
  context = { diagnostics = {}, only = { "source.fixAll" } },
}
local responses = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 30000)
result.actions = {}
for _, response in pairs(responses or {}) do
  for _, action in ipairs(response.result or {}) do
    table.insert(result.actions, action.kind)
    if action.kind == "source.fixAll.soat" then
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
    end
  end
end
vim.bo[bufnr].fixendofline = false  -- the seed has no final newline; keep it that way
vim.cmd("silent write")

local f = io.open(out, "w")
f:write(vim.fn.json_encode(result))
f:close()
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
vim.cmd("qa!")
"""


def byte_column(line: str, column: int) -> int:
    """1-based code-point column → 0-based byte column, as Neovim stores it."""
    return len(line[: column - 1].encode("utf-8"))


def test_neovim_shows_the_same_findings_and_applies_fix_all(tmp_path):
    assert NVIM is not None, "Neovim is required in CI: apt-get install -y neovim"
    text = seed_text()
    path = tmp_path / "bai.txt"
    path.write_text(text, encoding="utf-8", newline="")
    cli_path = tmp_path / "cli.txt"
    cli_path.write_text(text, encoding="utf-8", newline="")
    lines = text.split("\n")
    expected = sorted(
        (
            f["code"],
            f["message"],
            f["location"]["row"] - 1,
            byte_column(lines[f["location"]["row"] - 1], f["location"]["column"]),
            f["end_location"]["row"] - 1,
            byte_column(lines[f["end_location"]["row"] - 1], f["end_location"]["column"]),
        )
        for f in cli_json(str(path))
    )
    script = tmp_path / "drive.lua"
    script.write_text(LUA, encoding="utf-8")
    out = tmp_path / "out.json"
    env = dict(
        os.environ,
        SOAT_FILE=str(path),
        SOAT_OUT=str(out),
        SOAT_CMD=json.dumps([sys.executable, "-m", "soat", "server"]),
        XDG_STATE_HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path),
    )

    proc = subprocess.run(
        [NVIM, "--headless", "--clean", "-n", "-c", f"luafile {script}"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )
    assert out.exists(), proc.stderr.decode(errors="replace")
    result = json.loads(out.read_text(encoding="utf-8"))

    got = sorted(
        (d["code"], d["message"], d["lnum"], d["col"], d["end_lnum"], d["end_col"])
        for d in result["diagnostics"]
    )
    assert result["got_diagnostics"] and expected
    assert got == expected
    assert {d["source"] for d in result["diagnostics"]} == {"soat"}
    assert result["offset_encoding"] == "utf-16"

    # Fix all, applied by Neovim, gives what `soat check --fix` writes.
    assert "source.fixAll.soat" in result["actions"]
    cli_json(str(cli_path), "--fix")
    assert path.read_text(encoding="utf-8") == cli_path.read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8") != text
