use roadmap_tutor::content::{self, Cache, Source};
use std::time::Instant;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let cache = Cache::new(format!("{}/.cache/roadmap-tutor", std::env::var("HOME").unwrap()));
    let t = Instant::now();
    let roadmap = cache.load(&Source::Dir(dir.clone().into())).unwrap();
    println!("cached load {:?}", t.elapsed());
    let t = Instant::now();
    let (_s, progress) = roadmap_tutor::store::Store::open(format!("{dir}/progress.yaml")).unwrap();
    println!("progress {:?}", t.elapsed());
    let t = Instant::now();
    let today = roadmap_tutor::progress::Date::new(2026, 11, 30).unwrap();
    let advice = roadmap_tutor::suggest::advise(&roadmap, &progress, today);
    println!("advise {:?} {}", t.elapsed(), advice.next.len());
    let t = Instant::now();
    let c = progress.counts(roadmap.skills.iter());
    println!("counts {:?} {}", t.elapsed(), c.done);
    let t = Instant::now();
    let _ = content::load(&Source::Dir(dir.clone().into())).unwrap();
    println!("cold load {:?}", t.elapsed());
}
