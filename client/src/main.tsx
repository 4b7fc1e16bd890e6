import { createRoot } from 'react-dom/client';
import { translate } from '../../shared/src/i18n/translate';
import { App } from './App';
import './styles/app.css';
import './styles/editor.css';
import './styles/blocks.css';
import './styles/versions.css';
import './styles/comments.css';

const container = document.getElementById('root');
if (container) {
  document.title = translate('app.name');
  createRoot(container).render(<App />);
}
