// Copyright (c) 2026, Kinerja Kecamatan contributors
// For license information, please see license.txt

// Beranda Kinerja, the app's users' first screen (beranda_kinerja.py decides what it is): a unit
// head's current Isian first, with its deadline, status, a button and the Excel file, and a button
// to the workspace; officers and managers are taken on to their cycle or workspace. Every value is
// escaped before rendering.

frappe.provide("kinerja_kecamatan");

kinerja_kecamatan.Beranda = class Beranda {
	static API =
		"kinerja_kecamatan.kinerja_kecamatan.page.beranda_kinerja.beranda_kinerja.get_landing";
	static EXCEL_API = "/api/method/kinerja_kecamatan.format_isian.excel.download_isian";

	constructor(wrapper) {
		this.page = frappe.ui.make_app_page({
			parent: wrapper,
			title: __("Beranda"),
			single_column: true,
		});
		this.$body = $('<div class="beranda-kinerja"></div>').appendTo(this.page.main);
	}

	async show() {
		// the landing computed at boot serves the desk's first screen; any later visit asks again
		let landing = frappe.route_history.length <= 1 ? frappe.boot.kinerja_beranda : null;
		delete frappe.boot.kinerja_beranda;
		if (!landing) {
			this.$body.html(`<p class="text-muted">${__("Memuat…")}</p>`);
			landing = await frappe.xcall(kinerja_kecamatan.Beranda.API);
		}
		if (landing.route) {
			frappe.route_flags.replace_route = true;
			frappe.set_route(...landing.route);
			return;
		}
		this.render(landing);
	}

	render(landing) {
		const e = frappe.utils.escape_html;
		const isian = landing.isian || [];
		const siklus = landing.siklus || [];
		let html = "";
		if (isian.length) {
			html += `<h2 class="beranda-bagian">${e(__("Isian Data Kinerja Anda"))}</h2>`;
			html += isian.map((row) => this.isian_card(row)).join("");
		}
		if (siklus.length) {
			html += `<h2 class="beranda-bagian">${e(__("Menunggu tindakan Anda"))}</h2>`;
			html += siklus.map((row) => this.siklus_card(row)).join("");
		}
		if (!isian.length && !siklus.length) {
			html += `<p class="text-muted">${e(
				__("Tidak ada Isian atau langkah yang menunggu Anda.")
			)}</p>`;
		}
		// a button, not a line of text: the way to the cycles and reports from here
		html += `<div class="beranda-tombol beranda-ruang-kerja">
			<a class="btn btn-default btn-ruang-kerja" href="/app/kinerja-kecamatan">${e(
				__("Buka ruang kerja Kinerja Kecamatan")
			)}</a>
		</div>`;
		this.$body.html(html);
	}

	isian_card(row) {
		const e = frappe.utils.escape_html;
		const unit = `${e(row.nama_unit)} · ${e(__("Kecamatan {0}", [row.kecamatan]))}`;
		let deadline = "";
		if (row.batas_waktu_teks) {
			const late = row.warna === "red";
			deadline = `<p class="beranda-batas ${late ? "text-danger" : ""}">${e(
				late ? __("Batas waktu terlewati:") : __("Batas waktu:")
			)} <strong>${e(row.batas_waktu_teks)}</strong></p>`;
		}
		let filled = "";
		if (row.jumlah_indikator) {
			filled = `<span class="text-muted">${e(
				__("{0} dari {1} indikator terisi", [row.jumlah_terisi, row.jumlah_indikator])
			)}</span>`;
		}
		let buttons = "";
		if (row.name) {
			const name = encodeURIComponent(row.name);
			const open = row.terbuka
				? __("Isi Isian {0}", [row.periode])
				: __("Buka Isian {0}", [row.periode]);
			const excel = `${kinerja_kecamatan.Beranda.EXCEL_API}?name=${name}`;
			buttons = `<div class="beranda-tombol">
				<a class="btn btn-primary btn-buka-isian" href="/app/isian-data-kinerja/${name}">${e(open)}</a>
				<a class="btn btn-default btn-unduh-excel" href="${excel}">${e(__("Unduh Format Excel"))}</a>
			</div>`;
		}
		return `<section class="beranda-kartu beranda-isian" data-isian="${e(row.name || "")}">
			<p class="beranda-unit text-muted">${unit}</p>
			<h3 class="beranda-judul">${e(row.judul)}</h3>
			${deadline}
			<p class="beranda-status"><span class="indicator-pill ${e(row.warna)}">${e(
			row.status
		)}</span> ${filled}</p>
			${buttons}
		</section>`;
	}

	siklus_card(row) {
		const e = frappe.utils.escape_html;
		let deadline = "";
		if (row.batas_waktu_teks) {
			const when = e(row.batas_waktu_teks);
			deadline = `<p class="beranda-batas">${e(
				__("Batas waktu:")
			)} <strong>${when}</strong></p>`;
		}
		return `<section class="beranda-kartu beranda-siklus" data-monitoring="${e(row.name)}">
			<p class="beranda-unit text-muted">${e(row.judul)}</p>
			<h3 class="beranda-judul">${e(row.uraian_langkah || row.periode)}</h3>
			${deadline}
			<div class="beranda-tombol">
				<a class="btn btn-primary" href="/app/monitoring-kinerja-triwulan/${encodeURIComponent(
					row.name
				)}">${e(__("Buka Monitoring {0}", [row.periode]))}</a>
			</div>
		</section>`;
	}
};

frappe.pages["beranda-kinerja"].on_page_load = (wrapper) => {
	wrapper.beranda = new kinerja_kecamatan.Beranda(wrapper);
};

frappe.pages["beranda-kinerja"].on_page_show = (wrapper) => {
	wrapper.beranda.show();
};
