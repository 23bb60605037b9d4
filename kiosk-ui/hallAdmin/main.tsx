import { render } from 'preact';
import './admin.css';

/**
 * The hall's 管理 page, served by the hall server at /admin (an entry of the kiosk's build:
 * dist/kiosk-ui/hallAdmin/admin.html). It registers no service worker: it is a staff page on the
 * hall's network, always read fresh, and the kiosk's worker leaves /admin to the network.
 *
 * The page itself is a dynamic import: modules it shares with the kiosk then stay in the kiosk's
 * own chunks, and the kiosk's entry carries nothing of this page (bench/size.mjs).
 */
const root = document.getElementById('admin');
if (root)
  void import('./HallAdminPage').then(({ HallAdminPage }) => render(<HallAdminPage />, root));
