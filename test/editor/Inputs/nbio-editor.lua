-- SPDX-FileCopyrightText: 2026 The nbio contributors
-- SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
-- Neovim init file for the editor tests: `nvim --headless -u nbio-editor.lua`
-- starts nbio-clangd with Neovim's built-in LSP client, as a user's config
-- would, opens one file and writes what the editor shows to a report.
-- Written for Neovim 0.7 (Debian 12), whose API has vim.lsp.start_client
-- but not vim.lsp.start.
--
-- Environment:
--   NBIO_CLANGD      the clangd to run (required)
--   NBIO_FILE        the file to open (required)
--   NBIO_REPORT      where to write the report (required)
--   NBIO_TIMEOUT_MS  how long to wait for each answer (default 60000)
--   NBIO_NAVIGATE    LINE:COL; report go-to-definition there, and check that
--                    completion offers the identifier under the cursor
--   NBIO_FIX_AT      LINE:COL (1-based); then ask for code actions there, as
--                    <Cmd>lua vim.lsp.buf.code_action()<CR> does ...
--   NBIO_FIX_TITLE   ... pick the one whose title contains this text, apply
--                    it, :write the file and report the diagnostics again
--
-- Report lines, positions 1-based (line:byte column, as clang-tidy prints):
--   file NAME                                   the file opened
--   diag LINE:COL SEVERITY [CODE] MESSAGE       one per diagnostic, sorted
--   note LINE:COL FILE MESSAGE                  its related information
--   action [KIND] TITLE                         the code actions offered
--   definition FILE:LINE:COL / completion LABEL (of that identifier)
--   applied TITLE / wrote FILE
--   after: diag ...                             diagnostics after the fix
--   error: ...                                  then nvim exits with 1

local env = vim.env
local report = {}
local timeout = tonumber(env.NBIO_TIMEOUT_MS or '') or 60000

local function say(fmt, ...)
  table.insert(report, string.format(fmt, ...))
end

-- A required setting from the environment.
local function need(name)
  local v = env[name]
  if not v or v == '' then error(name .. ' is not set', 0) end
  return v
end

local function finish(ok)
  local f = assert(io.open(need('NBIO_REPORT'), 'w'))
  f:write(table.concat(report, '\n'), '\n')
  f:close()
  vim.cmd(ok and 'qall!' or 'cquit 1')
end

-- Raised to leave main(); carries the message for the report.
local Failure = {}
local function fail(msg)
  error(setmetatable({ msg = msg }, Failure), 0)
end

local function wait_for(what, cond)
  if not vim.wait(timeout, cond, 20) then
    fail(string.format('timed out after %d ms waiting for %s', timeout, what))
  end
end

local function position(spec, name)
  local line, col = (spec or ''):match('^(%d+):(%d+)$')
  if not line then
    fail(name .. ' must be LINE:COL, got ' .. tostring(spec))
  end
  return tonumber(line), tonumber(col)
end

local severities = { 'error', 'warning', 'info', 'hint' }

local function dump_diagnostics(buf, prefix)
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return tostring(a.code) < tostring(b.code)
  end)
  for _, d in ipairs(diags) do
    say('%sdiag %d:%d %s [%s] %s', prefix, d.lnum + 1, d.col + 1,
        severities[d.severity] or tostring(d.severity), tostring(d.code or ''),
        (d.message:gsub('\n', '\\n')))
    local lsp = d.user_data and d.user_data.lsp or {}
    for _, rel in ipairs(lsp.relatedInformation or {}) do
      local r = rel.location.range.start
      -- clangd counts columns in UTF-16 units; the inputs are ASCII.
      say('%snote %d:%d %s %s', prefix, r.line + 1, r.character + 1,
          vim.fn.fnamemodify(vim.uri_to_fname(rel.location.uri), ':t'),
          (rel.message:gsub('\n', '\\n')))
    end
  end
end

local function main()
  local file = vim.fn.fnamemodify(need('NBIO_FILE'), ':p')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  say('file %s', vim.fn.fnamemodify(file, ':t'))

  -- Count clangd's publications for this buffer, and the document version
  -- each one describes, to know when a fresh set of diagnostics is in.
  local published, published_version = 0, nil
  local on_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      on_publish(err, result, ctx, config)
      if result and vim.uri_to_bufnr(result.uri) == buf then
        published = published + 1
        published_version = result.version
      end
    end,
  }

  local exited
  local client_id = vim.lsp.start_client({
    name = 'nbio-clangd',
    cmd = { need('NBIO_CLANGD') },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    handlers = handlers,
    on_exit = function(code, signal)
      exited = string.format('clangd exited (code %s, signal %s)', code, signal)
    end,
  })
  if not client_id then
    fail('could not start ' .. env.NBIO_CLANGD)
  end
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  wait_for('the first diagnostics', function() return published > 0 or exited end)
  if exited then fail(exited) end
  dump_diagnostics(buf, '')

  if env.NBIO_NAVIGATE then
    local line, col = position(env.NBIO_NAVIGATE, 'NBIO_NAVIGATE')
    vim.api.nvim_win_set_cursor(0, { line, col - 1 })
    local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
    local res = vim.lsp.buf_request_sync(buf, 'textDocument/definition', params, timeout)
    local got = false
    for _, r in pairs(res or {}) do
      local locs = r.result or {}
      if locs.uri or locs.targetUri then locs = { locs } end
      for _, loc in ipairs(locs) do
        local uri = loc.uri or loc.targetUri
        local range = loc.range or loc.targetSelectionRange
        say('definition %s:%d:%d', vim.fn.fnamemodify(vim.uri_to_fname(uri), ':t'),
            range.start.line + 1, range.start.character + 1)
        got = true
      end
    end
    if not got then fail('no definition') end
    -- Completing the start of the identifier under the cursor must offer
    -- it. clangd takes a header's names from its preamble index, which it
    -- builds in the background after the first diagnostics: ask again, as
    -- a user typing on would, until they are in.
    local word = vim.fn.expand('<cword>')
    local offered
    wait_for('completion to offer ' .. word, function()
      local got, err = vim.lsp.buf_request_sync(buf, 'textDocument/completion',
                                                params, timeout)
      if not got then fail('completion: ' .. tostring(err)) end
      for _, r in pairs(got) do
        if r.err then fail('completion: ' .. vim.inspect(r.err)) end
        local items = r.result and (r.result.items or r.result) or {}
        for _, item in ipairs(items) do
          if vim.trim(item.filterText or item.label) == word then
            offered = item
          end
        end
      end
      return offered ~= nil
    end)
    say('completion %s', vim.trim(offered.label))
  end

  if env.NBIO_FIX_AT then
    local line, col = position(env.NBIO_FIX_AT, 'NBIO_FIX_AT')
    local want = need('NBIO_FIX_TITLE')
    vim.api.nvim_win_set_cursor(0, { line, col - 1 })

    -- The menu a user picks from: vim.ui.select, which plugins such as
    -- dressing.nvim replace the same way.  Pick by title, as a user would.
    local offered, chosen = false, nil
    vim.ui.select = function(items, opts, on_choice)
      offered = true
      local match
      for _, item in ipairs(items) do
        local action = item[2]
        say('action [%s] %s', tostring(action.kind or ''), action.title)
        if not match and action.title:find(want, 1, true) then
          match = item
        end
      end
      chosen = match and match[2].title or false
      on_choice(match)
    end
    local tick = vim.api.nvim_buf_get_changedtick(buf)
    vim.lsp.buf.code_action()
    wait_for('code actions', function() return offered end)
    if not chosen then
      fail('no code action titled "' .. want .. '"')
    end
    wait_for('the edit of "' .. chosen .. '"', function()
      return vim.api.nvim_buf_get_changedtick(buf) ~= tick
    end)
    say('applied %s', chosen)
    -- Neovim sends b:changedtick as the document's version; the edit is in
    -- once clangd publishes diagnostics for that version or a later one.
    local version = vim.api.nvim_buf_get_changedtick(buf)
    vim.cmd('silent write')
    say('wrote %s', vim.fn.fnamemodify(file, ':t'))
    wait_for('diagnostics of version ' .. version, function()
      return exited or (published_version or -1) >= version
    end)
    if exited then fail(exited) end
    dump_diagnostics(buf, 'after: ')
  end

  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return exited ~= nil end, 20)
end

local ok, err = xpcall(main, function(e)
  if getmetatable(e) == Failure then return e.msg end
  return debug.traceback(tostring(e), 2)
end)
if not ok then
  say('error: %s', err)
end
finish(ok)
