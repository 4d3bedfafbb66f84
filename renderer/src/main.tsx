import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { createKeymintQueryClient, KeymintQueryProvider } from './queries/keymint-query-provider';
import './styles.css';
import './board.css';
import './form.css';
import './vault.css';
import './settings.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <KeymintQueryProvider client={createKeymintQueryClient()}>
      <App />
    </KeymintQueryProvider>
  </StrictMode>,
);
