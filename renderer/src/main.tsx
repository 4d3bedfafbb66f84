import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { KeymintClientProvider } from './keymint-client-context';
import { createKeymintQueryClient, KeymintQueryProvider } from './queries/keymint-query-provider';
import { createWindowKeymintClient } from './window-keymint-client';
import './styles.css';
import './board.css';
import './form.css';
import './vault.css';
import './settings.css';
import './details.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The one place the real IPC client is made; everything below takes it from context.
createRoot(root).render(
  <StrictMode>
    <KeymintClientProvider client={createWindowKeymintClient()}>
      <KeymintQueryProvider client={createKeymintQueryClient()}>
        <App />
      </KeymintQueryProvider>
    </KeymintClientProvider>
  </StrictMode>,
);
