import { translate } from '../../../shared/src/i18n/translate';
import { MessagePage } from '../components/MessagePage';

/** Any path the app does not know. */
export function NotFoundPage() {
  return (
    <MessagePage title={translate('notFound.title')}>
      <p>
        <a href="/">{translate('notFound.home')}</a>
      </p>
    </MessagePage>
  );
}
