-- Headless Neovim (0.7+) as an independent LSP client.
--   SERVER=dist/server.js EXPECTED=2 [COMPLETE_AT=line:col] [COMPLETE_MIN=1]
--   [CODE_PREFIX=area.] [COMPLETE_LABEL=x[,y…]] [COMPLETE_INSERT=text] [WAIT_MS=20000] [ROOT=dir] [FILETYPE=markdown]
--   nvim --headless -u NONE -i NONE -n -c 'luafile check.lua' FILE
-- 0.7 has no vim.lsp.start (0.8) and no `nvim -l` (0.9): use start_client.
-- Waits for a publishDiagnostics for the file with exactly EXPECTED items,
-- prints them as file:line:col: message [source], optionally requests
-- completion at 1-based line:col (with COMPLETE_INSERT: first insert that text
-- as a new line `line`, as if typed, and ask at its end), then exits 0 (ok) or 1.
local t0 = vim.loop.hrtime()
local function ms() return math.floor((vim.loop.hrtime() - t0) / 1e6) end
local function out(s) io.stdout:write(s .. '\n') end
local function finish(ok, msg)
  out(msg .. (ok and ' (ok)' or ' (FAIL)'))
  io.stdout:flush()
  if ok then vim.cmd('qa!') else vim.cmd('cquit 1') end
end

local server = os.getenv('SERVER')
local expected = tonumber(os.getenv('EXPECTED') or '')
local wait_ms = tonumber(os.getenv('WAIT_MS') or '20000')
local buf = vim.api.nvim_get_current_buf()
local fname = vim.api.nvim_buf_get_name(buf)
if not server or not expected or fname == '' then
  return finish(false, 'usage: SERVER=… EXPECTED=N nvim --headless -u NONE -c "luafile check.lua" FILE')
end
if vim.bo[buf].filetype == '' then
  local ext = fname:match('%.([^./]+)$') or ''
  local ft = os.getenv('FILETYPE') or ({ md = 'markdown', markdown = 'markdown', html = 'html', yaml = 'yaml', yml = 'yaml' })[ext] or ext
  vim.bo[buf].filetype = ft
end

local uri = vim.uri_from_bufnr(buf)
local published = nil -- diagnostics of the last publish for our uri
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
local root = os.getenv('ROOT') or vim.loop.cwd()
local exited = nil

local client_id = vim.lsp.start_client({
  name = 'check',
  cmd = { os.getenv('NODE') or 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'root' } },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.uri == uri then
        -- CODE_PREFIX: count only the diagnostics of one area (e.g. `shortcode.`)
        local prefix = os.getenv('CODE_PREFIX')
        published = {}
        for _, d in ipairs(result.diagnostics) do
          if not prefix or (type(d.code) == 'string' and d.code:sub(1, #prefix) == prefix) then
            published[#published + 1] = d
          end
        end
      end
      return default_handler(err, result, ctx, config)
    end,
  },
  -- send every change at once (0.7 debounces didChange by default)
  flags = { debounce_text_changes = 0 },
  on_exit = function(code, signal) exited = string.format('server exited (code %s, signal %s)', code, signal) end,
})
if not client_id then return finish(false, 'could not start ' .. server) end
vim.lsp.buf_attach_client(buf, client_id)

local ok = vim.wait(wait_ms, function()
  return exited ~= nil or (published ~= nil and #published == expected)
end, 20)
if exited then return finish(false, exited) end

local rel = vim.fn.fnamemodify(fname, ':.')
for _, d in ipairs(published or {}) do
  out(string.format('%s:%d:%d: %s [%s %s]', rel, d.range.start.line + 1, d.range.start.character + 1,
    d.message, d.source or '?', tostring(d.code)))
end
if not ok then
  return finish(false, string.format('TIMEOUT after %d ms: %s diagnostics, expected %d', ms(),
    published and tostring(#published) or 'no', expected))
end
local summary = string.format('%d diagnostics in %d ms', #published, ms())

local complete_at = os.getenv('COMPLETE_AT')
if complete_at then
  local line, col = complete_at:match('^(%d+):(%d+)$')
  if not line then return finish(false, 'COMPLETE_AT must be line:col (1-based)') end
  local insert = os.getenv('COMPLETE_INSERT')
  if insert and insert ~= '' then
    vim.api.nvim_buf_set_lines(buf, tonumber(line) - 1, tonumber(line) - 1, false, { insert })
    col = #insert + 1
    complete_at = string.format('%s:%d (after inserting %q)', line, col, insert)
  end
  local params = {
    textDocument = { uri = uri },
    position = { line = tonumber(line) - 1, character = tonumber(col) - 1 },
    context = { triggerKind = 1 },
  }
  local resp = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, wait_ms)
  local r = resp and resp[client_id]
  if not r or r.err then
    return finish(false, 'completion failed: ' .. vim.inspect(r and r.err or 'no response'))
  end
  local items = r.result or {}
  if items.items then items = items.items end
  local labels = {}
  for i, it in ipairs(items) do
    if i <= 10 then labels[#labels + 1] = it.label end
  end
  out(string.format('completion at %s: %d items: %s', complete_at, #items, table.concat(labels, ', ')))
  local min = tonumber(os.getenv('COMPLETE_MIN') or '1')
  if #items < min then return finish(false, string.format('%s; %d completion items < %d', summary, #items, min)) end
  local want = os.getenv('COMPLETE_LABEL')
  if want then
    for label in want:gmatch('[^,]+') do
      local found = false
      for _, it in ipairs(items) do if it.label == label then found = true end end
      if not found then return finish(false, summary .. '; no completion item ' .. label) end
    end
  end
  summary = string.format('%s, %d completion items', summary, #items)
end
vim.lsp.stop_client(client_id)
finish(true, summary)
